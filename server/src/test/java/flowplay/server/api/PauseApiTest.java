package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.server.runs.RunLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/runs/{id}/pause and /resume: a paused run stops stepping, resumes to the end, and can be cancelled. */
class PauseApiTest extends LiveServerTest {
    private static final String LONG_RUN = "{\"steps\": 100000, \"width\": 16, \"checkpointEvery\": 100000}";

    @Test
    void pausedRunStopsSteppingAndResumesToTheEnd() throws Exception {
        String id = server.create("{\"steps\": 3000, \"width\": 16, \"checkpointEvery\": 1000}");
        awaitState(id, "running");
        HttpResponse<String> paused = server.post("/api/runs/" + id + "/pause", "");
        assertEquals(200, paused.statusCode(), paused.body());
        assertEquals("paused", TestServer.json(paused).get("state").asText());

        Thread.sleep(300); // the step in flight and its progress report land
        long step = state(id).get("step").asLong();
        Thread.sleep(500);
        JsonNode still = state(id);
        assertEquals("paused", still.get("state").asText());
        assertEquals(step, still.get("step").asLong(), "a paused run must not step");
        assertEquals(200, server.post("/api/runs/" + id + "/pause", "").statusCode(), "pausing twice is harmless");

        HttpResponse<String> resumed = server.post("/api/runs/" + id + "/resume", "");
        assertEquals(200, resumed.statusCode(), resumed.body());
        assertEquals("running", TestServer.json(resumed).get("state").asText());
        JsonNode end = server.awaitEnd(id, Duration.ofSeconds(60));
        assertEquals("done", end.get("state").asText(), end.toString());
        assertEquals(3000, end.get("step").asLong());
    }

    @Test
    void cancelWhilePausedEndsTheRun() throws Exception {
        String id = server.create(LONG_RUN);
        awaitState(id, "running");
        assertEquals(200, server.post("/api/runs/" + id + "/pause", "").statusCode());
        assertEquals(200, server.delete("/api/runs/" + id).statusCode());
        JsonNode end = server.awaitEnd(id, Duration.ofSeconds(10));
        assertEquals("cancelled", end.get("state").asText());
        // the weights reached are kept, as for any cancel
        assertEquals(200, server.getBytes("/api/runs/" + id + "/checkpoint").statusCode());
    }

    @Test
    void finishedRunIs409NamingItsState() throws Exception {
        String id = server.create("{\"steps\": 20, \"width\": 8}");
        server.awaitEnd(id, Duration.ofSeconds(30));
        for (String action : new String[] {"pause", "resume"}) {
            HttpResponse<String> r = server.post("/api/runs/" + id + "/" + action, "");
            assertEquals(409, r.statusCode(), r.body());
            JsonNode error = TestServer.json(r);
            assertEquals("state", error.get("field").asText());
            assertTrue(error.get("error").asText().contains("is done"), r.body());
        }
    }

    @Test
    void resumingARunningRunIsHarmlessAndUnknownIdIs404() throws Exception {
        String id = server.create(LONG_RUN);
        awaitState(id, "running");
        assertEquals(200, server.post("/api/runs/" + id + "/resume", "").statusCode());
        server.delete("/api/runs/" + id);
        for (String action : new String[] {"pause", "resume"}) {
            HttpResponse<String> r = server.post("/api/runs/nope/" + action, "");
            assertEquals(404, r.statusCode());
            assertTrue(TestServer.json(r).get("error").asText().contains("nope"));
        }
        server.awaitEnd(id, Duration.ofSeconds(10));
    }

    @Test
    void pausedTimeDoesNotCountTowardsTheWallClockCap(@TempDir Path own) throws Exception {
        try (TestServer capped = new TestServer(own, new RunLimits(RunLimits.STEPS_BOUND, Duration.ofMillis(1000)))) {
            String id = capped.create(LONG_RUN);
            awaitState(capped, id, "running");
            assertEquals(200, capped.post("/api/runs/" + id + "/pause", "").statusCode());
            Thread.sleep(1500);
            JsonNode paused = TestServer.json(capped.get("/api/runs/" + id));
            assertEquals("paused", paused.get("state").asText(), "past the cap while paused: " + paused);
            long step = paused.get("step").asLong();
            assertEquals(200, capped.post("/api/runs/" + id + "/resume", "").statusCode());
            JsonNode end = capped.awaitEnd(id, Duration.ofSeconds(30));
            assertEquals("failed", end.get("state").asText());
            assertTrue(end.get("reason").asText().startsWith("wall-clock cap of 1 s"), end.toString());
            assertTrue(end.get("step").asLong() > step, "it trained again after resuming: " + end);
        }
    }

    private static JsonNode state(String id) throws Exception {
        return TestServer.json(server.get("/api/runs/" + id));
    }

    private static void awaitState(String id, String wanted) throws Exception {
        awaitState(server, id, wanted);
    }

    private static void awaitState(TestServer server, String id, String wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!TestServer.json(server.get("/api/runs/" + id)).get("state").asText().equals(wanted)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + id + " never " + wanted);
            }
            Thread.sleep(20);
        }
    }
}
