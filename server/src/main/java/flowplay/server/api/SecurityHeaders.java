package flowplay.server.api;

import io.javalin.config.RoutesConfig;

/**
 * Headers every answer carries, the page and its files included: no MIME sniffing (an uploaded CSV is never run as a
 * script), no referrer sent to other sites, and no framing by another site (clickjacking), both as the CSP
 * {@code frame-ancestors} directive and the older {@code X-Frame-Options} for browsers without it.
 */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    public static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "frame-ancestors 'none'");
            ctx.header("X-Frame-Options", "DENY");
        });
    }
}
