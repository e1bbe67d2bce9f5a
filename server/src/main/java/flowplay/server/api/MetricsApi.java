package flowplay.server.api;

import flowplay.server.ops.Metrics;
import io.javalin.config.RoutesConfig;

/** {@code GET /metrics}: the Prometheus metrics, an admin endpoint (see {@link AdminAuth}). */
public final class MetricsApi {
    private final Metrics metrics;
    private final AdminAuth admin;

    public MetricsApi(Metrics metrics, AdminAuth admin) {
        this.metrics = metrics;
        this.admin = admin;
    }

    public void register(RoutesConfig routes) {
        routes.get("/metrics", admin.guard(ctx -> ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape())));
    }
}
