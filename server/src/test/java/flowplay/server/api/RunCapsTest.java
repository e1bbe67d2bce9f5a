package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.server.runs.RunLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's own caps: steps per run and wall-clock time per run. */
class RunCapsTest {
    @TempDir
    Path data;

    @Test
    void moreStepsThanTheServerAllowsAre400NamingSteps() throws Exception {
        try (TestServer server = new TestServer(data, new RunLimits(500, Duration.ofSeconds(600)))) {
            HttpResponse<String> r = server.post("/api/runs", "{\"steps\": 501}");
            assertEquals(400, r.statusCode(), r.body());
            JsonNode error = TestServer.json(r);
            assertEquals("steps", error.get("field").asText());
            assertEquals("integer in [1, 500]", error.get("allowed").asText());
            assertTrue(error.get("error").asText().contains("500"), r.body());
            assertEquals(0, TestServer.json(server.get("/api/runs")).size(), "nothing was queued");
            assertEquals("done", server.awaitEnd(server.create("{\"steps\": 500, \"width\": 4}"), Duration.ofSeconds(60))
                    .get("state").asText());
        }
    }

    @Test
    void aRunOverTheWallClockCapStopsFailedWithItsLastCheckpoint() throws Exception {
        try (TestServer server = new TestServer(data, new RunLimits(100_000, Duration.ofMillis(1500)))) {
            String id = server.create("{\"steps\": 100000, \"width\": 32, \"checkpointEvery\": 100000}");
            JsonNode end = server.awaitEnd(id, Duration.ofSeconds(60));
            assertEquals("failed", end.get("state").asText(), end.toString());
            Matcher m = Pattern.compile("wall-clock cap of 1\\.5 s reached at step (\\d+)").matcher(end.get("reason").asText());
            assertTrue(m.matches(), end.get("reason").asText());
            long step = Long.parseLong(m.group(1));
            assertTrue(step < 100_000);
            if (step > 0) {
                // Step 0 only if the engine took the whole cap to start; otherwise the stop wrote a checkpoint.
                assertEquals(List.of(step), RunPersistenceTest.steps(server, id));
                assertEquals(step, Checkpoint.fromBytes(RunPersistenceTest.download(server, id, step)).step());
                assertEquals(step, end.get("checkpointStep").asLong());
            }
        }
    }
}
