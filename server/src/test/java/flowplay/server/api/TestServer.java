package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.server.FlowplayServer;
import flowplay.server.engine.JavaEngine;
import flowplay.server.limits.Limits;
import flowplay.server.runs.RunLimits;
import flowplay.server.runs.RunManager;
import flowplay.server.runs.RunStore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A real server on 127.0.0.1 and a free port, with an HTTP client and small JSON helpers. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final RunManager runs;
    final FlowplayServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final String base;

    TestServer(Path data) {
        this(data, RunLimits.DEFAULT);
    }

    TestServer(Path data, RunLimits limits) {
        this(data, limits, 2, 8);
    }

    TestServer(Path data, RunLimits limits, int workers, int queue) {
        this(data, limits, workers, queue, AdminAuth.off());
    }

    /** A server whose admin endpoints need {@code adminToken}. */
    TestServer(Path data, String adminToken) {
        this(data, RunLimits.DEFAULT, 2, 8, AdminAuth.withToken(adminToken));
    }

    private TestServer(Path data, RunLimits limits, int workers, int queue, AdminAuth admin) {
        runs = new RunManager(new JavaEngine(), new RunStore(data), workers, queue, limits);
        server = new FlowplayServer(runs, admin).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    /** A server under limits given by name as in a --limits file ({@code "maxWidth", "32"}); defaults for the rest. */
    TestServer(Path data, Map<String, String> limits) {
        Limits l = Limits.parse(limits);
        runs = new RunManager(new JavaEngine(), new RunStore(data), l.workers(), l.queue(), l.run());
        server = new FlowplayServer(runs, l).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST as if through a reverse proxy that appended {@code forwardedFor} to X-Forwarded-For. */
    HttpResponse<String> postFrom(String forwardedFor, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.9, " + forwardedFor).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with an {@code Authorization} header (as given, e.g. "Bearer …"). */
    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Creates a run and returns its id. */
    String create(String body) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/runs", body);
        if (r.statusCode() != 201) {
            throw new AssertionError("POST " + body + " -> " + r.statusCode() + " " + r.body());
        }
        return json(r).get("id").asText();
    }

    /** Polls the run until it reaches a final state and returns its last JSON. */
    JsonNode awaitEnd(String id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode run = json(get("/api/runs/" + id));
            String state = run.get("state").asText();
            if (state.equals("done") || state.equals("failed") || state.equals("cancelled")) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + id + " still " + state + " after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        server.stop();
        runs.close();
    }
}
