package flowplay.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.core.settings.SettingException;
import io.javalin.config.RoutesConfig;
import flowplay.server.FlowplayServer;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * Every failure becomes a small JSON {"error", "field", "allowed"}: clients show the message next to the field it
 * names. Unexpected exceptions are logged here and answered with a bare 500, never with a stack trace.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final ObjectMapper mapper;

    public ErrorMapping(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A run of the default size trains in seconds to a minute here: a retry this much later usually finds room. */
    static final long RETRY_AFTER_SECONDS = 15;

    public void register(RoutesConfig routes) {
        routes.exception(SettingException.class, (e, ctx) -> answer(ctx, 400, e.getMessage(), e.field(), e.allowed()));
        routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage(), e.field(), e.allowed()));
        // Javalin's own refusals (e.g. 413 for a body over the request cap) in the same JSON shape as ours.
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), message(e), null, null));
        // Full: refused at once with when to ask again, rather than a request that hangs until a slot frees.
        routes.exception(RejectedExecutionException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
            answer(ctx, 429, "the run queue is full; try again in " + RETRY_AFTER_SECONDS + " s", null, null);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            // A body Jetty could not read (bad chunking, cut short) is the client's fault: 4xx, as Jetty itself says.
            if (e instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                answer(ctx, h.getCode(), "the request could not be read: " + h.getReason(), null, null);
                return;
            }
            if (e instanceof EofException) {
                answer(ctx, 400, "the request body ended early", null, null);
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, 500, "internal error", null, null);
        });
    }

    private static String message(HttpResponseException e) {
        if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            return "the request body is too large: at most " + FlowplayServer.MAX_REQUEST_BYTES + " bytes";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "HTTP " + e.getStatus() : e.getMessage();
    }

    private void answer(Context ctx, int status, String message, String field, String allowed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("field", field);
        body.put("allowed", allowed);
        String text;
        try {
            text = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"error\":\"internal error\"}";
        }
        ctx.status(status).contentType("application/json").result(text);
    }
}
