package flowplay.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.server.FlowplayServer;
import flowplay.server.limits.Limits;
import io.javalin.config.RoutesConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/limits}: the limits this server runs under, one row per row of {@link Limits#TABLE} with the effective
 * value beside the default, so a page or a script can say what is allowed before it is refused.
 */
public final class LimitsApi {
    private final String body;

    public LimitsApi(Limits limits, ObjectMapper mapper) {
        Map<String, Object> values = limits.values();
        List<Map<String, Object>> rows = SettingRows.of(Limits.TABLE);
        for (Map<String, Object> row : rows) {
            row.put("value", values.get((String) row.get("name")));
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("limits", rows);
        all.put("requestBodyBytes", FlowplayServer.MAX_REQUEST_BYTES);
        try {
            this.body = mapper.writeValueAsString(all);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/limits", ctx -> ctx.contentType("application/json").result(body));
    }
}
