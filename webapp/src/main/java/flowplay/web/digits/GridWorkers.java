package flowplay.web.digits;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.settings.SettingValues;
import flowplay.core.solver.FixedGrid;
import flowplay.web.PageErrors;
import flowplay.web.strip.WorkerPool;
import flowplay.web.worker.SampleWorker;
import java.util.function.BooleanSupplier;
import org.teavm.jso.JSBody;

/**
 * The digits grid on the comparison strip's workers: one task per row of {@link DigitGrid#COLUMNS} digits (rows of an
 * MLP batch are independent, and a row's labels follow its place in the grid, so a split changes no sample), each
 * handed on as it arrives so the grid fills in row by row. The model's bytes go to a worker once per model key.
 */
final class GridWorkers {
    /** A row of digits [from, from + count), {@code samples} holding just those. */
    interface Part {
        void arrived(float[] samples, int from, int count);
    }

    /** All rows in: the grid, the NFE of one solve, the wall time from submitting the first row. */
    interface Done {
        void sampled(float[] x, int nfe, double millis, String where);
    }

    private final WorkerPool pool;
    private byte[] modelBytes;
    private String modelKey;
    private int models;

    GridWorkers(WorkerPool pool) {
        this.pool = pool;
    }

    /** The model the next solves use. */
    void use(Checkpoint checkpoint) {
        modelBytes = checkpoint.toBytes();
        modelKey = "digits " + (++models);
    }

    /** Whether these settings can be solved here now: every worker ready, and a fixed-step solver (a split would change an adaptive one's steps). */
    boolean canSolve(SampleConfig c) {
        return pool != null && !pool.broken() && pool.engine() != null && modelKey != null && c.integrator() instanceof FixedGrid;
    }

    /** Tells {@code r} when the pool breaks: solves under way then never return. */
    void onBroken(Runnable r) {
        if (pool != null) {
            pool.onBroken(r);
        }
    }

    /** Solves the grid from {@code noise} with the sample settings {@code v}; {@code current} false drops the replies. */
    void solve(SettingValues v, SampleConfig c, float[] noise, BooleanSupplier current, Part part, Done done) {
        int rows = DigitGrid.COUNT / DigitGrid.COLUMNS;
        pool.dropQueued(modelKey); // rows of an older pass not started yet
        float[] out = new float[noise.length];
        int[] left = {rows};
        double start = now();
        String lines = SampleWorker.lines(v.asMap());
        for (int p = 0; p < rows; p++) {
            int from = p * DigitGrid.COLUMNS;
            int count = DigitGrid.COLUMNS;
            pool.submit(new WorkerPool.Job(modelKey, modelBytes, lines, c.steps(), noise, from, count, DigitSolve.DIM,
                    (samples, nfe, millis) -> PageErrors.guarded("digits", () -> {
                        if (!current.getAsBoolean()) {
                            return;
                        }
                        System.arraycopy(samples, 0, out, from * DigitSolve.DIM, samples.length);
                        part.arrived(samples, from, count);
                        if (--left[0] == 0) {
                            done.sampled(out, nfe, now() - start, pool.size() + " workers (" + pool.engine() + ")");
                        }
                    })));
        }
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
