package flowplay.server.api;

import io.javalin.config.RoutesConfig;

import java.net.URI;
import java.util.Set;

/**
 * Requests from pages of other sites. A page elsewhere can make its visitor's browser send simple POSTs (a form, a
 * text/plain fetch) to this server without asking first; browsers mark them with the page's {@code Origin}. So a write
 * to the API from another origin is refused (403), and a new run must come as JSON (415 otherwise), a type a browser
 * sends across sites only after a preflight, which this server never grants. Clients without {@code Origin} (curl,
 * scripts) are not pages and may write.
 */
public final class CrossSite {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private CrossSite() {
    }

    public static void register(RoutesConfig routes) {
        routes.before("/api/*", ctx -> {
            String origin = ctx.header("Origin");
            if (origin != null && WRITES.contains(ctx.method().name()) && !sameOrigin(origin, ctx.header("Host"))) {
                String shown = origin.length() > 80 ? origin.substring(0, 80) + "…" : origin;
                throw new ApiException(403, "a page of another origin (" + shown + ") may not change runs here", "Origin",
                        "this server's own pages");
            }
        });
    }

    /** The Origin's host[:port] is the Host the request was sent to (so the page this server served). */
    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin).getAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A body that is not declared JSON is refused before it is read: see the class comment. Empty bodies need no type. */
    static void requireJson(String contentType, int bodyLength) {
        if (bodyLength > 0 && (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
            String shown = contentType == null ? "none" : contentType.length() > 60 ? contentType.substring(0, 60) + "…" : contentType;
            throw new ApiException(415, "Content-Type: a run is sent as application/json, not " + shown, "Content-Type", "application/json");
        }
    }
}
