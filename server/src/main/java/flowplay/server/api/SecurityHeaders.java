package flowplay.server.api;

import io.javalin.config.RoutesConfig;

import java.util.Set;

/**
 * Headers every answer carries, the page and its files included: no MIME sniffing (an uploaded CSV is never run as a
 * script), no referrer sent to other sites, no framing by another site (clickjacking; {@code X-Frame-Options} for
 * browsers without {@code frame-ancestors}), and a Content-Security-Policy that lets a page run only this server's
 * own script files: no inline script, no other origin, no plugins, no {@code <base>} or form tricks.
 */
public final class SecurityHeaders {
    /**
     * The playground page. Images may be {@code data:} (the favicon) and {@code blob:} (exports); the page's own
     * {@code connect-src 'self'} also covers the run stream's {@code ws:} on the same host.
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";
    /**
     * Files that start TeaVM's WasmGC runtime: compiling wasm needs {@code 'wasm-unsafe-eval'}, and the runtime builds
     * its JavaScript interop glue with {@code new Function} as it loads, which needs {@code 'unsafe-eval'}. Only these
     * get it: the strip's sample worker (a worker obeys the policy sent with its own script) and the bench page, whose
     * TF.js peer may also start {@code blob:} workers.
     */
    static final String WASM_POLICY = POLICY.replace("script-src 'self';", "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval';")
            .replace("worker-src 'self';", "worker-src 'self' blob:;");
    private static final Set<String> WASM_PATHS = Set.of("/sample-worker.js", "/bench.html");

    private SecurityHeaders() {
    }

    public static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", policy(ctx.path()));
            ctx.header("X-Frame-Options", "DENY");
        });
    }

    static String policy(String path) {
        return WASM_PATHS.contains(path) ? WASM_POLICY : POLICY;
    }
}
