package flowplay.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.core.settings.Setting;
import flowplay.server.FlowplayServer;
import flowplay.server.limits.Limits;
import io.javalin.config.RoutesConfig;

import java.util.ArrayList;
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
        List<Object> rows = new ArrayList<>();
        for (Setting s : Limits.TABLE) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", s.name());
            row.put("value", values.get(s.name()));
            row.put("default", s.defaultValue());
            row.put("allowed", s.allowed());
            row.put("help", s.help());
            row.put("flag", "--" + s.flag());
            rows.add(row);
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
