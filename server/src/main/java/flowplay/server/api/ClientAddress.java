package flowplay.server.api;

import io.javalin.http.Context;

/**
 * Who a request comes from, for per-client limits: the connection's remote address, or behind a reverse proxy
 * ({@code trustProxy}) the rightmost X-Forwarded-For entry — the one the proxy itself appended; entries left of it are
 * whatever the client claimed, so trusting them would let anyone pick a fresh identity per request.
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(Context ctx, boolean trustProxy) {
        if (trustProxy) {
            String forwarded = rightmost(ctx.header("X-Forwarded-For"));
            if (forwarded != null) {
                return forwarded;
            }
        }
        return ctx.req().getRemoteAddr();
    }

    /** The last non-empty comma-separated entry, trimmed; null for none. */
    static String rightmost(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.lastIndexOf(',');
        String last = header.substring(comma + 1).trim();
        return last.isEmpty() ? null : last;
    }
}
