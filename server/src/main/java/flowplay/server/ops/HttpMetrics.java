package flowplay.server.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Times every HTTP request into {@code http_server_requests_seconds{method, route, status}}. The route is the
 * matched endpoint's template ({@code /api/runs/{id}}), never the raw path: run ids, checkpoint steps and a
 * scanner's made-up paths would each make a new series. Files of the web client are {@code static}; anything
 * else no endpoint matched is {@code unmatched}.
 */
public final class HttpMetrics {
    static final String STATIC = "static";
    static final String UNMATCHED = "unmatched";
    private static final String START = HttpMetrics.class.getName() + ".start";
    /** Bucket bounds for latency quantiles in Prometheus (histogram_quantile), few enough to keep each series small. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofMillis(2500)};

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void register(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(START, System.nanoTime()));
        // After-handlers run for every request, also when the endpoint threw and an exception handler answered.
        routes.after(this::record);
    }

    private void record(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tags("method", ctx.method().name(), "route", route(ctx), "status", Integer.toString(ctx.statusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - start));
    }

    static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) {
            return matched.path;
        }
        return ctx.statusCode() < 400 ? STATIC : UNMATCHED;
    }
}
