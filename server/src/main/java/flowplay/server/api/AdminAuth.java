package flowplay.server.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The gate in front of admin endpoints ({@code /metrics}, and any later one: wrap its handler in {@link #guard}). Off
 * (no token configured), they answer 404 as if absent, saying how to turn them on; on, a request without the right
 * {@code Authorization: Bearer TOKEN} gets 401, the same answer for a missing and for a wrong token.
 */
public final class AdminAuth {
    /** Shorter tokens are refused at start-up: a public server's token must not be guessable by trying. */
    public static final int MIN_TOKEN_LENGTH = 16;
    static final String OFF_MESSAGE = "admin endpoints are off: start serve with --admin-token-file FILE or FLOWPLAY_ADMIN_TOKEN";
    static final String CHALLENGE = "Bearer realm=\"flowplay-admin\"";

    /** SHA-256 of the token, or null when admin endpoints are off. */
    private final byte[] tokenHash;

    private AdminAuth(byte[] tokenHash) {
        this.tokenHash = tokenHash;
    }

    public static AdminAuth off() {
        return new AdminAuth(null);
    }

    /** Admin endpoints on, behind {@code token}; throws IllegalArgumentException saying why a token is unfit. */
    public static AdminAuth withToken(String token) {
        String why = unfit(token);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        return new AdminAuth(sha256(token));
    }

    /** Why {@code token} cannot be an admin token, or null when it can. */
    public static String unfit(String token) {
        if (token == null || token.length() < MIN_TOKEN_LENGTH) {
            return "the admin token must have at least " + MIN_TOKEN_LENGTH + " characters";
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                // It travels in an HTTP header: visible ASCII only, no spaces.
                return "the admin token may hold only visible ASCII characters (no spaces)";
            }
        }
        return null;
    }

    public boolean on() {
        return tokenHash != null;
    }

    /** {@code handler}, answered only for requests that carry the admin token. */
    public Handler guard(Handler handler) {
        return ctx -> {
            check(ctx);
            handler.handle(ctx);
        };
    }

    private void check(Context ctx) {
        if (tokenHash == null) {
            throw ApiException.notFound(OFF_MESSAGE);
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        // Digests of equal length compared in constant time: the answer's timing says nothing about how close a guess was,
        // nor about the token's length.
        if (!MessageDigest.isEqual(tokenHash, sha256(given))) {
            ctx.header("WWW-Authenticate", CHALLENGE);
            throw new ApiException(401, "this admin endpoint needs the admin token", "Authorization", "Bearer <admin token>");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
