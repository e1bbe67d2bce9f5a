package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.Mlp;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import flowplay.server.engine.Engine;
import flowplay.server.engine.JavaEngine;
import flowplay.server.engine.Trainer;
import flowplay.server.runs.Run;
import flowplay.server.runs.RunManager;
import flowplay.server.runs.RunState;
import flowplay.server.runs.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 7, faults: a run that throws fails alone, its reason shown, while another run trained at the same time finishes. */
class RunFaultsTest extends LiveServerTest {
    @TempDir
    Path oomData;

    /**
     * A huge learning rate on a wide, deep net drives the loss to infinity within a few steps (seed 0: at step 3): that
     * run fails naming the loss and the step, and keeps the checkpoint written before.
     */
    @Test
    void aDivergingRunFailsAloneWithItsReasonAndKeepsItsLastCheckpoint() throws Exception {
        String healthy = server.create("{\"steps\": 600, \"width\": 16, \"checkpointEvery\": 200}");
        String diverging = server.create("{\"steps\": 100, \"lr\": 1, \"width\": 1024, \"depth\": 8, \"batch\": 16, \"checkpointEvery\": 2}");

        JsonNode failed = server.awaitEnd(diverging, Duration.ofSeconds(90));
        assertEquals("failed", failed.get("state").asText(), failed.toString());
        String reason = failed.get("reason").asText();
        assertTrue(reason.matches("loss became (NaN|Infinity|-Infinity) at step \\d+: training diverged.*"), reason);
        long badStep = Long.parseLong(reason.replaceAll(".* at step (\\d+):.*", "$1"));
        assertTrue(badStep < 100, reason);
        long kept = failed.get("checkpointStep").asLong();
        assertEquals(2 * ((badStep - 1) / 2), kept, "the last checkpoint before the bad step: " + failed);
        Checkpoint last = Checkpoint.fromBytes(server.getBytes("/api/runs/" + diverging + "/checkpoints/" + kept).body());
        assertEquals(kept, last.step());

        JsonNode done = server.awaitEnd(healthy, Duration.ofSeconds(90));
        assertEquals("done", done.get("state").asText(), "the other run finishes: " + done);
        assertEquals(600, done.get("step").asLong());
    }

    /**
     * A checkpoint that cannot be written (its file name taken by a folder, as a full or broken disk would refuse it)
     * fails that run; its reason says what failed without the server's paths, and the next run trains.
     */
    @Test
    void aFailedCheckpointWriteFailsTheRunWithoutShowingAPath(@TempDir Path own) throws Exception {
        try (TestServer one = new TestServer(own, flowplay.server.runs.RunLimits.DEFAULT, 1, 4)) {
            String blocker = one.create("{\"steps\": 100000, \"width\": 8, \"checkpointEvery\": 100000}");
            String victim = one.create("{\"steps\": 20, \"width\": 8, \"checkpointEvery\": 10}");
            assertEquals("queued", TestServer.json(one.get("/api/runs/" + victim)).get("state").asText());
            java.nio.file.Files.createDirectories(own.resolve("runs/" + victim + "/step-10.safetensors/taken"));
            one.delete("/api/runs/" + blocker);

            JsonNode failed = one.awaitEnd(victim, Duration.ofSeconds(60));
            assertEquals("failed", failed.get("state").asText(), failed.toString());
            String reason = failed.get("reason").asText();
            assertTrue(reason.contains("cannot write checkpoint") && reason.contains("step 10"), reason);
            assertTrue(!reason.contains(own.toString()) && !reason.contains(own.toAbsolutePath().toString()) && !reason.contains("/runs/"),
                    "no path in " + reason);
            String next = one.create("{\"steps\": 20, \"width\": 8}");
            assertEquals("done", one.awaitEnd(next, Duration.ofSeconds(60)).get("state").asText());
        }
    }

    /** An Error inside one run (here out of memory, thrown by its engine mid-run) fails that run only; the pool goes on. */
    @Test
    void outOfMemoryInOneRunFailsItAloneAndThePoolGoesOn() throws Exception {
        try (RunManager runs = new RunManager(new OomAtWidth13(), new RunStore(oomData), 2, 4)) {
            Run doomed = runs.submit(Settings.parse(Settings.TRAIN, Map.of("steps", "500", "width", "13")));
            Run other = runs.submit(Settings.parse(Settings.TRAIN, Map.of("steps", "300", "width", "8")));
            awaitFinal(doomed);
            awaitFinal(other);
            assertEquals(RunState.FAILED, doomed.state());
            assertEquals("OutOfMemoryError: Java heap space", doomed.reason());
            assertEquals(RunState.DONE, other.state(), other.reason());
            Run after = runs.submit(Settings.parse(Settings.TRAIN, Map.of("steps", "50", "width", "8")));
            awaitFinal(after);
            assertEquals(RunState.DONE, after.state(), "the worker that ran the failed run trains again");
        }
    }

    private static void awaitFinal(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!run.state().isFinal()) {
            assertTrue(System.nanoTime() < deadline, "run " + run.id() + " still " + run.state());
            Thread.sleep(20);
        }
    }

    /** The java engine, except that a run of width 13 runs out of memory at its 100th step. */
    private static final class OomAtWidth13 implements Engine {
        private final Engine java = new JavaEngine();

        @Override
        public String name() {
            return "oom-at-width-13";
        }

        @Override
        public Trainer trainer(Mlp init, TrainConfig config) {
            Trainer real = java.trainer(init, config);
            if (config.width() != 13) {
                return real;
            }
            return new Trainer() {
                private int steps;

                @Override
                public int batch() {
                    return real.batch();
                }

                @Override
                public float step(float[] input, float[] target, float[] weights, double lr) {
                    if (++steps == 100) {
                        throw new OutOfMemoryError("Java heap space");
                    }
                    return real.step(input, target, weights, lr);
                }

                @Override
                public void updateEma(double decay) {
                    real.updateEma(decay);
                }

                @Override
                public Mlp snapshot() {
                    return real.snapshot();
                }

                @Override
                public Mlp emaSnapshot() {
                    return real.emaSnapshot();
                }
            };
        }
    }
}
