package flowplay.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.server.runs.RunManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7, faults: a graceful stop (SIGTERM) of a real server process while runs train. The process exits promptly,
 * and the next start finds each running run failed with a checkpoint of the step it had reached — newer than its
 * last periodic one — and the queued run failed too.
 */
class ServerStopTest {
    private static final int EVERY = 1000;

    @TempDir
    Path tmp;

    @Test
    void sigtermCheckpointsRunningRunsAndExits() throws Exception {
        Path data = tmp.resolve("data");
        String[] running = new String[2];
        String queued;
        long[] seen = new long[2];
        try (ServerProcess server = ServerProcess.start(data, tmp.resolve("logs-1"))) {
            for (int i = 0; i < 2; i++) {
                running[i] = server.create("{\"steps\": 100000, \"width\": 16, \"checkpointEvery\": " + EVERY + "}");
            }
            queued = server.create("{\"steps\": 10, \"width\": 8}"); // two workers: this one waits
            for (int i = 0; i < 2; i++) {
                seen[i] = server.awaitAtLeast(running[i], "step", EVERY + EVERY / 2, Duration.ofSeconds(90)).get("step").asLong();
            }
            assertEquals("queued", server.json("/api/runs/" + queued).get("state").asText());
            long start = System.nanoTime();
            int code = server.stop(Duration.ofSeconds(15));
            System.out.printf("SIGTERM: exit code %d after %.1f s%n", code, (System.nanoTime() - start) / 1e9);
            assertTrue(code == 0 || code == 143, "exit code " + code + " (-1: still running 15 s after SIGTERM)");
        }
        try (ServerProcess server = ServerProcess.start(data, tmp.resolve("logs-2"))) {
            for (int i = 0; i < 2; i++) {
                JsonNode run = server.json("/api/runs/" + running[i]);
                assertEquals("failed", run.get("state").asText(), run.toString());
                assertEquals(RunManager.INTERRUPTED, run.get("reason").asText());
                JsonNode listed = server.json("/api/runs/" + running[i] + "/checkpoints");
                long newest = listed.get(listed.size() - 1).get("step").asLong();
                assertTrue(newest >= seen[i], "a checkpoint at the step reached (" + newest + "), not before what was seen (" + seen[i] + ")");
                assertTrue(newest > (seen[i] / EVERY) * EVERY, "newer than the last periodic checkpoint: " + listed);
                assertEquals(newest, run.get("step").asLong(), "the recorded step is the checkpoint's");
                assertEquals(newest, run.get("checkpointStep").asLong());
                assertEquals(newest, Checkpoint.fromBytes(server.bytes("/api/runs/" + running[i] + "/checkpoints/" + newest)).step());
            }
            JsonNode waiting = server.json("/api/runs/" + queued);
            assertEquals("failed", waiting.get("state").asText(), waiting.toString());
            assertEquals(RunManager.INTERRUPTED, waiting.get("reason").asText());
            assertEquals(0, server.json("/api/runs/" + queued + "/checkpoints").size());
        }
    }
}
