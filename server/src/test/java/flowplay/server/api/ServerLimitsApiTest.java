package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.settings.Settings;
import flowplay.server.limits.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's caps on a run's network, batch and points, the per-client run rate, and GET /api/limits. */
class ServerLimitsApiTest {
    private static final String TINY = "{\"steps\": 5, \"width\": 4, \"checkpointEvery\": 5}";

    @TempDir
    Path data;

    @Test
    void aNetworkOrBatchOverTheServerCapIs400NamingTheFieldAndTheServersRange() throws Exception {
        try (TestServer server = new TestServer(data, Map.of("maxWidth", "32", "maxDepth", "4", "maxBatch", "64"))) {
            assertCapped(server, "{\"width\": 33}", "width", "integer in [1, 32]");
            assertCapped(server, "{\"depth\": 5, \"width\": 8}", "depth", "integer in [1, 4]");
            assertCapped(server, "{\"batch\": 65, \"width\": 8}", "batch", "integer in [1, 64]");
            // Above the table's own bound the table answers first, with its range.
            assertCapped(server, "{\"width\": 5000}", "width", "integer in [1, 1024]");
            assertEquals(0, TestServer.json(server.get("/api/runs")).size(), "nothing was queued");
            String id = server.create("{\"steps\": 5, \"width\": 32, \"depth\": 4, \"batch\": 64, \"checkpointEvery\": 5}");
            assertEquals("done", server.awaitEnd(id, java.time.Duration.ofSeconds(60)).get("state").asText());
        }
    }

    @Test
    void tooManyPointsOrBytesAre400NamingPointsWithTheServersCaps() throws Exception {
        try (TestServer server = new TestServer(data, Map.of("maxPoints", "10", "maxUploadBytes", "1024"))) {
            StringBuilder eleven = new StringBuilder();
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                eleven.append(i).append(',').append(i % 3).append("\\n");
                pairs.add("[" + i + ", " + (i % 3) + "]");
            }
            for (String points : new String[] {"\"" + eleven + "\"", "[" + String.join(", ", pairs) + "]"}) {
                HttpResponse<String> r = server.post("/api/runs", "{\"dataset\": \"points\", \"points\": " + points + "}");
                assertEquals(400, r.statusCode(), r.body());
                JsonNode error = TestServer.json(r);
                assertEquals("points", error.get("field").asText());
                assertTrue(error.get("error").asText().contains("too many points: 11 > 10"), r.body());
                assertTrue(error.get("allowed").asText().startsWith("2 to 10 points"), r.body());
                assertTrue(error.get("allowed").asText().endsWith("at most 1024 bytes"), r.body());
            }
            StringBuilder wide = new StringBuilder();
            String digits = "1." + "0".repeat(100);
            for (int i = 0; i < 6; i++) {
                wide.append(digits).append(',').append(digits).append("\\n");
            }
            HttpResponse<String> r = server.post("/api/runs", "{\"dataset\": \"points\", \"points\": \"" + wide + "\"}");
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("points", TestServer.json(r).get("field").asText());
            assertTrue(TestServer.json(r).get("error").asText().contains("> 1024"), r.body());
            assertEquals(0, TestServer.json(server.get("/api/runs")).size(), "nothing was queued");
        }
    }

    @Test
    void aClientOverItsRunRateGets429WithRetryAfterAndOtherClientsAreNotAffected() throws Exception {
        try (TestServer server = new TestServer(data, Map.of("runsPerMinute", "1", "runBurst", "2", "trustProxy", "true",
                "maxWidth", "8"))) {
            // A refused run takes no token: the client still has its whole burst afterwards.
            assertEquals(400, server.postFrom("198.51.100.1", "/api/runs", "{\"width\": 9}").statusCode());
            assertEquals(201, server.postFrom("198.51.100.1", "/api/runs", TINY).statusCode());
            assertEquals(201, server.postFrom("198.51.100.1", "/api/runs", TINY).statusCode());
            HttpResponse<String> refused = server.postFrom("198.51.100.1", "/api/runs", TINY);
            assertEquals(429, refused.statusCode(), refused.body());
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            JsonNode error = TestServer.json(refused);
            assertEquals("runsPerMinute", error.get("field").asText());
            assertEquals("1 runs per minute per client, up to 2 at once", error.get("allowed").asText());
            assertTrue(error.get("error").asText().contains("try again in " + retryAfter + " s"), refused.body());
            assertEquals(201, server.postFrom("198.51.100.2", "/api/runs", TINY).statusCode(), "another client is not affected");
            assertEquals(3, TestServer.json(server.get("/api/runs")).size());
        }
    }

    @Test
    void withoutTrustProxyAForwardedForHeaderChangesNothing() throws Exception {
        try (TestServer server = new TestServer(data, Map.of("runsPerMinute", "1", "runBurst", "1"))) {
            assertEquals(201, server.postFrom("198.51.100.1", "/api/runs", TINY).statusCode());
            HttpResponse<String> r = server.postFrom("198.51.100.2", "/api/runs", TINY);
            assertEquals(429, r.statusCode(), "the client is the connection's address, whatever the header claims: " + r.body());
        }
    }

    @Test
    void limitsAreListedWithTheirEffectiveValues() throws Exception {
        try (TestServer server = new TestServer(data, Map.of("maxWidth", "32", "trustProxy", "true"))) {
            HttpResponse<String> r = server.get("/api/limits");
            assertEquals(200, r.statusCode());
            JsonNode rows = TestServer.json(r).get("limits");
            List<String> names = new ArrayList<>();
            for (JsonNode row : rows) {
                names.add(row.get("name").asText());
            }
            assertEquals(Settings.names(Limits.TABLE), names);
            JsonNode width = rows.get(names.indexOf("maxWidth"));
            assertEquals(32, width.get("value").asInt());
            assertEquals("256", width.get("default").asText());
            assertEquals("integer in [1, 1024]", width.get("allowed").asText());
            assertEquals("--max-width", width.get("flag").asText());
            assertTrue(rows.get(names.indexOf("trustProxy")).get("value").asBoolean());
            assertEquals(4L << 20, TestServer.json(r).get("requestBodyBytes").asLong());
        }
    }

    private static void assertCapped(TestServer server, String body, String field, String allowed) throws Exception {
        HttpResponse<String> r = server.post("/api/runs", body);
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = TestServer.json(r);
        assertEquals(field, error.get("field").asText(), r.body());
        assertEquals(allowed, error.get("allowed").asText(), r.body());
    }
}
