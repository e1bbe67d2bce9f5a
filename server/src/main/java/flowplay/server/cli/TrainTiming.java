package flowplay.server.cli;

import flowplay.core.data.Dataset;
import flowplay.core.data.Datasets;
import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.rng.Rng;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import flowplay.core.training.TrainingBatch;
import flowplay.server.engine.Engine;
import flowplay.server.engine.Trainer;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Timing of the seed workload for {@code bench train}: steps/s of one engine, of several concurrent runs, and the bytes a
 * step allocates. Each measurement is a warm-up, then windows of wall time whose median is reported.
 */
final class TrainTiming {
    private TrainTiming() {
    }

    /** The seed workload's per-step work: a fresh flow matching batch on moons, then one trainer step. */
    static final class Workload {
        private static final int N = 256;
        private final Dataset data = Datasets.byName("moons");
        private final Rng rng;
        private final Trainer trainer;
        private final TrainingBatch batch;

        Workload(Engine engine, int hidden, long seed) {
            TrainConfig config = TrainConfig.from(Settings.parse(Settings.TRAIN,
                    Map.of("batch", Integer.toString(N), "lr", "0.01", "activation", "elu")));
            rng = new Rng(seed);
            trainer = engine.trainer(Mlp.init(new int[] {3, hidden, hidden, hidden, 2}, Activation.ELU, rng), config);
            batch = new TrainingBatch(config.objective(), config.networkInput(2), N);
        }

        float step() {
            batch.draw(data, rng);
            return trainer.step(batch.input(), batch.target(), null, 0.01);
        }

        /** Steps until {@code seconds} have passed; returns steps/s. */
        double runFor(double seconds) {
            long start = System.nanoTime();
            long limit = (long) (seconds * 1e9);
            long steps = 0;
            long now;
            do {
                step();
                steps++;
                now = System.nanoTime();
            } while (now - start < limit);
            return steps / ((now - start) / 1e9);
        }
    }

    static double measure(Engine engine, int hidden, double warmup, double seconds, int reps) {
        Workload w = new Workload(engine, hidden, 1);
        w.runFor(warmup);
        double[] rates = new double[reps];
        for (int i = 0; i < reps; i++) {
            rates[i] = w.runFor(seconds);
        }
        return BenchCommand.median(rates);
    }

    /** Heap bytes allocated per step on this thread, after warm-up (-1 if the JVM cannot tell). */
    static double allocatedPerStep(Engine engine, int hidden, int steps) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean)) {
            return -1;
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Workload w = new Workload(engine, hidden, 1);
        w.runFor(0.5);
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < steps; i++) {
            w.step();
        }
        return (threads.getThreadAllocatedBytes(id) - before) / (double) steps;
    }

    /** Total steps/s of {@code runs} independent runs on their own threads, timed together. */
    static double measureConcurrent(Engine engine, int hidden, int runs, double warmup, double seconds, int reps) throws InterruptedException {
        double[] rates = new double[reps];
        Workload[] workloads = new Workload[runs];
        for (int r = 0; r < runs; r++) {
            workloads[r] = new Workload(engine, hidden, 1 + r);
        }
        for (int i = -1; i < reps; i++) {
            double window = i < 0 ? warmup : seconds;
            double[] each = new double[runs];
            CountDownLatch start = new CountDownLatch(1);
            Thread[] threads = new Thread[runs];
            for (int r = 0; r < runs; r++) {
                int id = r;
                threads[r] = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    each[id] = workloads[id].runFor(window);
                }, "bench-run-" + r);
                threads[r].start();
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            if (i >= 0) {
                rates[i] = Arrays.stream(each).sum();
            }
        }
        return BenchCommand.median(rates);
    }
}
