package flowplay.e2e.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A static file server on 127.0.0.1 for the browser bench: the built web client ({@code webapp/target/classes/web}) at
 * {@code /} and TF.js ({@code bench/browser/vendor}) at {@code /vendor/}, neither of which the production server mixes.
 * GET and HEAD only; {@code .wasm} as {@code application/wasm}, as streaming compilation requires.
 */
public final class StaticFiles implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "wasm", "application/wasm", "json", "application/json", "safetensors", "application/octet-stream");

    private final HttpServer server;

    private StaticFiles(HttpServer server) {
        this.server = server;
    }

    /** Serves each folder under its URL prefix (longest prefix first), e.g. {@code "/vendor/" -> bench/browser/vendor}. */
    public static StaticFiles start(Map<String, Path> mounts) throws IOException {
        return start(mounts, false);
    }

    /**
     * As {@link #start(Map)}; {@code isolated} adds the COOP/COEP headers that make the page cross-origin isolated
     * (SharedArrayBuffer, so TF.js's wasm backend may run its threaded build).
     */
    public static StaticFiles start(Map<String, Path> mounts, boolean isolated) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, Path> ordered = new LinkedHashMap<>();
        mounts.entrySet().stream().sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .forEach(e -> ordered.put(e.getKey(), e.getValue().toAbsolutePath().normalize()));
        server.createContext("/", exchange -> handle(exchange, ordered, isolated));
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-static");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new StaticFiles(server);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static void handle(HttpExchange exchange, Map<String, Path> mounts, boolean isolated) throws IOException {
        try (exchange) {
            if (isolated) {
                exchange.getResponseHeaders().set("Cross-Origin-Opener-Policy", "same-origin");
                exchange.getResponseHeaders().set("Cross-Origin-Embedder-Policy", "require-corp");
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Path file = null;
            for (Map.Entry<String, Path> m : mounts.entrySet()) {
                if (path.startsWith(m.getKey())) {
                    Path candidate = m.getValue().resolve(path.substring(m.getKey().length())).normalize();
                    if (candidate.startsWith(m.getValue())) {
                        file = candidate;
                    }
                    break;
                }
            }
            if (file != null && Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (file == null || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            long size = Files.size(file);
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, size);
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
