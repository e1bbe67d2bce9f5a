package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.server.runs.RunLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /health}, {@code /ready} and the security headers every answer carries, on a live server. */
class HealthApiTest {
    @TempDir
    Path data;

    @Test
    void healthAnswersAndReadyReportsRunsAndQueue() throws Exception {
        try (TestServer s = new TestServer(data)) {
            HttpResponse<String> health = s.get("/health");
            assertEquals(200, health.statusCode());
            assertEquals("ok", TestServer.JSON.readTree(health.body()).get("status").asText());

            HttpResponse<String> ready = s.get("/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            JsonNode body = TestServer.JSON.readTree(ready.body());
            assertEquals("ready", body.get("status").asText());
            assertEquals(0, body.get("queued").asInt());
            assertEquals(8, body.get("queueCapacity").asInt());
            assertEquals(2, body.get("workers").asInt());
            assertEquals(0, body.get("runs").size());

            s.runs.close();
            HttpResponse<String> closing = s.get("/ready");
            assertEquals(503, closing.statusCode(), closing.body());
            assertEquals("not ready", TestServer.JSON.readTree(closing.body()).get("status").asText());
        }
    }

    @Test
    void aFullQueueRefusesWith429AndRetryAfterAndReadySays503() throws Exception {
        try (TestServer s = new TestServer(data, RunLimits.DEFAULT, 1, 1)) {
            String body = "{\"dataset\":\"moons\",\"steps\":100000,\"checkpointEvery\":100000}";
            assertEquals(201, s.post("/api/runs", body).statusCode()); // trains
            assertEquals(201, s.post("/api/runs", body).statusCode()); // waits in the one queue slot
            HttpResponse<String> full = s.post("/api/runs", body);
            assertEquals(429, full.statusCode(), full.body());
            assertEquals(String.valueOf(ErrorMapping.RETRY_AFTER_SECONDS), full.headers().firstValue("Retry-After").orElse(null));
            assertEquals("the run queue is full; try again in 15 s", TestServer.JSON.readTree(full.body()).get("error").asText());
            HttpResponse<String> ready = s.get("/ready");
            assertEquals(503, ready.statusCode(), "no room for a new run: " + ready.body());
            assertEquals(1, TestServer.JSON.readTree(ready.body()).get("queued").asInt());
        }
    }

    /** Run ids only ever name entries of the server's own table: a path in an id reaches no file and leaks no path. */
    @Test
    void idsThatArePathsFindNothingAndSayNoPath() throws Exception {
        try (TestServer s = new TestServer(data)) {
            for (String id : new String[] {"..%2F..%2F..%2Fetc%2Fpasswd", "..", "%2Fetc%2Fpasswd", "..%5C..%5Cwindows", "a%00b"}) {
                for (String tail : new String[] {"", "/checkpoint", "/checkpoints", "/checkpoints/1", "/points"}) {
                    HttpResponse<String> r = s.get("/api/runs/" + id + tail);
                    assertEquals(true, r.statusCode() == 404 || r.statusCode() == 400, id + tail + " → " + r.statusCode() + " " + r.body());
                    // The id itself may be echoed (as JSON, never run: nosniff); the server's own folders and stack traces never are.
                    assertEquals(false, r.body().contains(data.toString()) || r.body().contains("Exception") || r.body().contains("\tat "),
                            id + tail + ": " + r.body());
                }
            }
        }
    }

    /** Only the files that start TeaVM's WasmGC runtime may compile wasm and eval its interop glue. */
    @Test
    void onlyTheWasmStartersMayEval() throws Exception {
        try (TestServer s = new TestServer(data)) {
            for (String path : new String[] {"/sample-worker.js", "/bench.html"}) {
                String csp = s.get(path).headers().firstValue("Content-Security-Policy").orElse("");
                assertTrue(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval';"), path + ": " + csp);
                assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), path + ": " + csp);
            }
            for (String path : new String[] {"/index.html", "/sample-worker.wasm", "/flowplay.js", "/bench.js"}) {
                assertEquals(SecurityHeaders.POLICY, s.get(path).headers().firstValue("Content-Security-Policy").orElse(""), path);
            }
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        try (TestServer s = new TestServer(data)) {
            for (String path : new String[] {"/", "/api/settings", "/api/runs/nope", "/health", "/flowplay.js"}) {
                HttpResponse<String> r = s.get(path);
                assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
                assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), path);
                String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
                assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self';"), path + ": " + csp);
                assertFalse(csp.contains("unsafe"), path + ": no eval, no inline script: " + csp);
                assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
            }
        }
    }
}
