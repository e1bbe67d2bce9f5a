package flowplay.server.runs;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.Mlp;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import flowplay.server.engine.Engine;
import flowplay.server.engine.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool's rules, with a fake engine: no native code, so the timing is the manager's own. */
class RunManagerTest {
    @TempDir
    Path data;

    /**
     * A trainer that returns a constant loss; width 13 makes it throw, width 7 makes it wait for {@code gate}, width 9
     * makes each step take a millisecond.
     */
    private static final class FakeEngine implements Engine {
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Trainer trainer(Mlp init, TrainConfig config) {
            return new Trainer() {
                @Override
                public int batch() {
                    return config.batch();
                }

                @Override
                public float step(float[] input, float[] target, float[] weights, double lr) {
                    if (config.width() == 13) {
                        throw new IllegalStateException("broken engine");
                    }
                    if (config.width() == 9) {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (config.width() == 7) {
                        try {
                            gate.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return 1f;
                }

                @Override
                public void updateEma(double decay) {
                }

                @Override
                public Mlp snapshot() {
                    return init;
                }

                @Override
                public Mlp emaSnapshot() {
                    return init;
                }
            };
        }
    }

    private static Run await(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!run.state().isFinal() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return run;
    }

    private static flowplay.core.settings.SettingValues settings(String width, String steps) {
        return Settings.parse(Settings.TRAIN, Map.of("width", width, "steps", steps, "batch", "8", "checkpointEvery", "5"));
    }

    @Test
    void aFailingRunFailsAloneWithItsReason() throws Exception {
        try (RunManager runs = new RunManager(new FakeEngine(), new RunStore(data), 1, 4)) {
            Run broken = runs.submit(settings("13", "10"));
            Run fine = runs.submit(settings("4", "10"));
            assertEquals(RunState.FAILED, await(broken).state());
            assertTrue(broken.reason().contains("broken engine"), broken.reason());
            assertEquals(RunState.DONE, await(fine).state());
            assertEquals(10, fine.checkpoint().step());
            assertEquals(10, Checkpoint.fromBytes(Files.readAllBytes(data.resolve("runs/" + fine.id() + "/step-10.safetensors"))).step());
        }
    }

    @Test
    void theQueueIsBoundedAndQueuedRunsCancelAtOnce() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (RunManager runs = new RunManager(engine, new RunStore(data), 1, 2)) {
            Run busy = runs.submit(settings("7", "3"));
            Run waiting1 = runs.submit(settings("4", "3"));
            Run waiting2 = runs.submit(settings("4", "3"));
            assertThrows(RejectedExecutionException.class, () -> runs.submit(settings("4", "3")));
            runs.cancel(waiting1.id());
            assertEquals(RunState.CANCELLED, waiting1.state());
            engine.gate.countDown();
            assertEquals(RunState.DONE, await(busy).state());
            assertEquals(RunState.DONE, await(waiting2).state());
        }
    }

    @Test
    void theWallClockCapStopsARunWithACheckpointAtTheStop() throws Exception {
        RunLimits limits = new RunLimits(100_000, java.time.Duration.ofMillis(300));
        try (RunManager runs = new RunManager(new FakeEngine(), new RunStore(data), 1, 4, limits)) {
            Run slow = runs.submit(Settings.parse(Settings.TRAIN,
                    Map.of("width", "9", "steps", "100000", "batch", "8", "checkpointEvery", "100000")));
            assertEquals(RunState.FAILED, await(slow).state());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("wall-clock cap of 0\\.3 s reached at step (\\d+)")
                    .matcher(slow.reason());
            assertTrue(m.matches(), slow.reason());
            long step = Long.parseLong(m.group(1));
            assertTrue(step > 0 && step < 100_000, slow.reason());
            assertEquals(step, slow.checkpoint().step());
            assertEquals(step, Checkpoint.fromBytes(Files.readAllBytes(data.resolve("runs/" + slow.id() + "/step-" + step + ".safetensors"))).step());
        }
        RunRecord onDisk = new RunStore(data).loadAll().get(0);
        assertEquals(RunState.FAILED, onDisk.state());
        assertTrue(onDisk.reason().startsWith("wall-clock cap"));
    }

    @Test
    void moreStepsThanTheCapAreRefusedNamingSteps() {
        try (RunManager runs = new RunManager(new FakeEngine(), new RunStore(data), 1, 4, new RunLimits(20, java.time.Duration.ofSeconds(5)))) {
            flowplay.core.settings.SettingException e = assertThrows(flowplay.core.settings.SettingException.class,
                    () -> runs.submit(settings("4", "21")));
            assertEquals("steps", e.field());
            assertEquals("integer in [1, 20]", e.allowed());
            assertTrue(runs.list().isEmpty());
        }
    }

    @Test
    void queuedRunsKnowTheirPlaceInLineAndMoveUpWhenARunAheadLeaves() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (RunManager runs = new RunManager(engine, new RunStore(data), 1, 4)) {
            Run busy = runs.submit(settings("7", "3"));
            Run second = runs.submit(settings("4", "3"));
            Run third = runs.submit(settings("4", "3"));
            Run fourth = runs.submit(settings("4", "3"));
            assertEquals(0, busy.queuePosition(), "the first run went straight to the idle worker");
            assertEquals(1, second.queuePosition());
            assertEquals(2, third.queuePosition());
            assertEquals(3, fourth.queuePosition());
            assertEquals(3, fourth.events().state().value().queuePosition(), "subscribers are told too");
            runs.cancel(second.id());
            assertEquals(0, second.queuePosition());
            assertEquals(1, third.queuePosition());
            assertEquals(2, fourth.queuePosition());
            assertEquals(2, fourth.events().state().value().queuePosition());
            engine.gate.countDown();
            assertEquals(RunState.DONE, await(fourth).state());
            assertEquals(0, fourth.queuePosition());
        }
    }

    @Test
    void aWiderDeeperOrLargerBatchThanTheCapsIsRefusedNamingTheField() {
        RunLimits limits = new RunLimits(100, java.time.Duration.ofSeconds(5), 16, 2, 32, 100, 4096);
        try (RunManager runs = new RunManager(new FakeEngine(), new RunStore(data), 1, 4, limits)) {
            for (String[] c : new String[][] {{"width", "17", "integer in [1, 16]"}, {"depth", "3", "integer in [1, 2]"},
                    {"batch", "33", "integer in [1, 32]"}}) {
                Map<String, String> raw = new java.util.HashMap<>(Map.of("width", "4", "depth", "2", "batch", "8", "steps", "5"));
                raw.put(c[0], c[1]);
                flowplay.core.settings.SettingException e = assertThrows(flowplay.core.settings.SettingException.class,
                        () -> runs.submit(Settings.parse(Settings.TRAIN, raw)));
                assertEquals(c[0], e.field());
                assertEquals(c[2], e.allowed());
            }
            assertTrue(runs.list().isEmpty());
        }
    }
}
