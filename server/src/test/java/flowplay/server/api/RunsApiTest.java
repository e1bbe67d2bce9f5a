package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunsApiTest extends LiveServerTest {
    @Test
    void postValidRunsToDone() throws Exception {
        HttpResponse<String> r = server.post("/api/runs", "{\"steps\": 120, \"width\": \"16\", \"lr\": 0.005, \"checkpointEvery\": 50}");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode created = TestServer.json(r);
        assertEquals("queued", created.get("state").asText());
        assertEquals("120", created.get("settings").get("steps").asText());
        assertEquals("16", created.get("settings").get("width").asText());
        String id = created.get("id").asText();

        JsonNode end = server.awaitEnd(id, Duration.ofSeconds(60));
        assertEquals("done", end.get("state").asText(), end.toString());
        assertEquals(120, end.get("step").asLong());
        assertTrue(end.get("loss").asDouble() > 0);
        assertTrue(Files.exists(data.resolve("runs/" + id + "/step-50.safetensors")));
        assertTrue(Files.exists(data.resolve("runs/" + id + "/step-120.safetensors")));

        boolean listed = false;
        for (JsonNode run : TestServer.json(server.get("/api/runs"))) {
            listed |= run.get("id").asText().equals(id);
        }
        assertTrue(listed);
    }

    @Test
    void checkpointDownloadParses() throws Exception {
        String id = server.create("{\"steps\": 60, \"width\": 8, \"depth\": 2, \"activation\": \"silu\"}");
        server.awaitEnd(id, Duration.ofSeconds(60));
        HttpResponse<byte[]> r = server.getBytes("/api/runs/" + id + "/checkpoint");
        assertEquals(200, r.statusCode());
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
        Checkpoint c = Checkpoint.fromBytes(r.body());
        assertEquals(60, c.step());
        assertEquals(2, c.model().dim());
        assertEquals(8, c.model().hidden()[0]);
        assertTrue(c.metadata().get(Checkpoint.KEY_TRAINING).contains("silu"));
    }

    @Test
    void checkpointsAreListedAndDownloadableByStep() throws Exception {
        String id = server.create("{\"steps\": 100, \"width\": 8, \"checkpointEvery\": 40}");
        assertEquals("done", server.awaitEnd(id, Duration.ofSeconds(60)).get("state").asText());
        assertEquals(java.util.List.of(40L, 80L, 100L), RunPersistenceTest.steps(server, id));
        for (long step : new long[] {40, 80, 100}) {
            byte[] bytes = RunPersistenceTest.download(server, id, step);
            assertEquals(step, Checkpoint.fromBytes(bytes).step());
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(data.resolve("runs/" + id + "/step-" + step + ".safetensors")), bytes));
        }
        HttpResponse<byte[]> newest = server.getBytes("/api/runs/" + id + "/checkpoint");
        assertEquals(100, Checkpoint.fromBytes(newest.body()).step());

        for (String bad : new String[] {"-1", "abc", "1.5", "99999999999999999999"}) {
            HttpResponse<String> r = server.get("/api/runs/" + id + "/checkpoints/" + bad);
            assertEquals(400, r.statusCode(), bad + " -> " + r.body());
            assertEquals("step", TestServer.json(r).get("field").asText());
            assertEquals("non-negative integer", TestServer.json(r).get("allowed").asText());
        }
        HttpResponse<String> missing = server.get("/api/runs/" + id + "/checkpoints/41");
        assertEquals(404, missing.statusCode());
        assertTrue(TestServer.json(missing).get("error").asText().contains("no checkpoint at step 41"), missing.body());
        HttpResponse<String> noRun = server.get("/api/runs/nope/checkpoints/40");
        assertEquals(404, noRun.statusCode());
        assertTrue(TestServer.json(noRun).get("error").asText().contains("nope"));
        assertEquals(404, server.get("/api/runs/nope/checkpoints").statusCode());
    }

    @Test
    void badValuesAre400NamingTheField() throws Exception {
        assertRejected("{\"steps\": 0}", "steps", "integer in [1, 100000]");
        assertRejected("{\"lr\": \"fast\"}", "lr", "number in");
        assertRejected("{\"activation\": \"sigmoid\"}", "activation", "one of elu, silu, relu, tanh, gelu");
        assertRejected("{\"width\": 12.5}", "width", "integer");
        assertRejected("{\"batch\": {\"size\": 3}}", "batch", null);
        assertRejected("{\"dataset\": [\"moons\"]}", "dataset", null);
        assertRejected("{\"stepz\": 10}", "stepz", null);
    }

    private static void assertRejected(String body, String field, String allowed) throws Exception {
        HttpResponse<String> r = server.post("/api/runs", body);
        assertEquals(400, r.statusCode(), body + " -> " + r.body());
        JsonNode error = TestServer.json(r);
        assertEquals(field, error.get("field").asText(), r.body());
        assertFalse(error.get("error").asText().isEmpty());
        if (allowed != null) {
            assertTrue(error.get("allowed").asText().contains(allowed), r.body());
        }
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> r = server.post("/api/runs", "{\"steps\": ");
        assertEquals(400, r.statusCode());
        assertTrue(TestServer.json(r).get("error").asText().startsWith("malformed JSON"), r.body());
        assertEquals(400, server.post("/api/runs", "[1, 2]").statusCode());
    }

    @Test
    void unknownRunIs404() throws Exception {
        for (String path : new String[] {"/api/runs/nope", "/api/runs/nope/checkpoint"}) {
            HttpResponse<String> r = server.get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(TestServer.json(r).get("error").asText().contains("nope"));
        }
        assertEquals(404, server.delete("/api/runs/nope").statusCode());
    }

    @Test
    void deleteCancels() throws Exception {
        String id = server.create("{\"steps\": 100000, \"width\": 16}");
        HttpResponse<String> r = server.delete("/api/runs/" + id);
        assertEquals(200, r.statusCode());
        JsonNode end = server.awaitEnd(id, Duration.ofSeconds(30));
        assertEquals("cancelled", end.get("state").asText());
    }

    @Test
    void settingsTablesAreServed() throws Exception {
        JsonNode tables = TestServer.json(server.get("/api/settings"));
        assertEquals("dataset", tables.get("train").get(0).get("name").asText());
        Map<String, String> flags = new HashMap<>();
        for (JsonNode row : tables.get("sample")) {
            flags.put(row.get("name").asText(), row.get("flag").asText());
        }
        assertEquals("--steps", flags.get("sampleSteps"));
        assertEquals("--noise", flags.get("sampleNoise"));
        assertEquals("--schedule", flags.get("sampleSchedule"));
    }

    @Test
    void rootAnswers() throws Exception {
        assertEquals(200, server.get("/").statusCode());
    }
}
