package flowplay.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.server.runs.RunManager;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: the process answers (liveness, for a supervisor that restarts it). {@code GET /ready}: it would
 * accept a new run now (readiness, for a load balancer that routes elsewhere meanwhile) — 200 when ready, 503 while
 * shutting down or with a full queue — with the runs by state and the queue, so an operator sees why.
 */
public final class HealthApi {
    private final RunManager runs;
    private final ObjectMapper mapper;

    public HealthApi(RunManager runs, ObjectMapper mapper) {
        this.runs = runs;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.contentType("application/json").result(mapper.writeValueAsString(Map.of("status", "ok"))));
        routes.get("/ready", this::ready);
    }

    private void ready(Context ctx) throws JsonProcessingException {
        RunManager.Readiness r = runs.readiness();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", r.ready() ? "ready" : "not ready");
        body.put("runs", r.runsByState());
        body.put("queued", r.queued());
        body.put("queueCapacity", r.queueCapacity());
        body.put("workers", r.workers());
        ctx.status(r.ready() ? 200 : 503).contentType("application/json").result(mapper.writeValueAsString(body));
    }
}
