package flowplay.server.cli;

import flowplay.core.data.Dataset;
import flowplay.core.model.Mlp;
import flowplay.core.rng.Rng;
import flowplay.core.settings.TrainConfig;
import flowplay.core.training.TrainingBatch;
import flowplay.server.engine.Engine;
import flowplay.server.engine.Trainer;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Timing of a {@link BenchWorkload} for {@code bench train}: steps/s of one engine, of several concurrent runs, and the
 * bytes a step allocates. Each measurement is a warm-up, then windows of wall time whose median is reported. The data
 * set is shared by concurrent runs (it is read-only; each run has its own random stream).
 */
final class TrainTiming {
    private TrainTiming() {
    }

    /** One workload's per-step work: a fresh flow matching batch of its data (and labels), then one trainer step. */
    static final class Workload {
        private final Dataset data;
        private final Rng rng;
        private final Trainer trainer;
        private final TrainingBatch batch;
        private final double lr;

        Workload(Engine engine, BenchWorkload workload, Dataset data, int hidden, long seed) {
            TrainConfig config = workload.config(hidden);
            this.data = data;
            this.lr = config.lr();
            rng = new Rng(seed);
            trainer = engine.trainer(Mlp.init(config.layerSizes(data), config.activation(), rng), config);
            batch = config.batches(data);
        }

        float step() {
            batch.draw(data, rng);
            return trainer.step(batch.input(), batch.target(), batch.weights(), lr);
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

    static double measure(Engine engine, BenchWorkload workload, Dataset data, int hidden, double warmup, double seconds, int reps) {
        Workload w = new Workload(engine, workload, data, hidden, 1);
        w.runFor(warmup);
        double[] rates = new double[reps];
        for (int i = 0; i < reps; i++) {
            rates[i] = w.runFor(seconds);
        }
        return BenchCommand.median(rates);
    }

    /** Heap bytes allocated per step on this thread, after warm-up (-1 if the JVM cannot tell). */
    static double allocatedPerStep(Engine engine, BenchWorkload workload, Dataset data, int hidden, int steps) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean)) {
            return -1;
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Workload w = new Workload(engine, workload, data, hidden, 1);
        w.runFor(0.5);
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < steps; i++) {
            w.step();
        }
        return (threads.getThreadAllocatedBytes(id) - before) / (double) steps;
    }

    /** Total steps/s of {@code runs} independent runs on their own threads, timed together. */
    static double measureConcurrent(Engine engine, BenchWorkload workload, Dataset data, int hidden, int runs, double warmup, double seconds,
                                    int reps) throws InterruptedException {
        double[] rates = new double[reps];
        Workload[] workloads = new Workload[runs];
        for (int r = 0; r < runs; r++) {
            workloads[r] = new Workload(engine, workload, data, hidden, 1 + r);
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
