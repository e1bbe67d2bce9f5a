package flowplay.web.sampling;

import flowplay.core.model.VelocityField;
import flowplay.core.solver.Integrator;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.TimeGrid;
import flowplay.core.solver.Trajectory;
import flowplay.web.render.Scene;

/**
 * Runs the core {@link Sampler#run} on the fixed source noise and fills a {@link Scene}: the same call the JVM makes, so
 * the page's samples are the CLI's. Paths are recorded for the leading points only (rows of a batched MLP are
 * independent, so they are exactly the paths those points take in the full batch).
 */
public final class Sampling {
    /** Paths drawn: more is a blur, and each costs (steps) line segments per picture. */
    public static final int MAX_PATHS = 384;
    /** Line segments drawn at most, so 1000 solver steps still draw quickly. */
    private static final int MAX_SEGMENTS = 120_000;

    private float[] x = new float[0];
    private float[] trajectory = new float[0];
    private double[] times = new double[0];

    /** Integrates {@code noise} (n points) across {@code grid} into {@code scene.samples} and its trajectories. */
    public SolveResult run(VelocityField field, Integrator solver, TimeGrid grid, float[] noise, int n, Scene scene) {
        int dim = SourceNoise.DIM;
        x = ensure(x, n * dim);
        System.arraycopy(noise, 0, x, 0, n * dim);
        int paths = pathCount(n, grid);
        Trajectory recorded = new Trajectory(paths);
        SolveResult result = Sampler.run(field, solver, x, n, grid, recorded);
        keepPaths(recorded, paths, scene);
        scene.samples = x;
        scene.sampleCount = n;
        return result;
    }

    /**
     * Integrates only the leading points whose paths are drawn, into the scene's trajectories; the samples of all n
     * come from elsewhere (the GPU sampler). Rows of the network are independent, so these are exactly the paths the
     * leading points take in the full batch.
     */
    public SolveResult runPaths(VelocityField field, Integrator solver, TimeGrid grid, float[] noise, int n, Scene scene) {
        int dim = SourceNoise.DIM;
        int paths = pathCount(n, grid);
        float[] lead = new float[paths * dim];
        System.arraycopy(noise, 0, lead, 0, paths * dim);
        Trajectory recorded = new Trajectory(paths);
        SolveResult result = Sampler.run(field, solver, lead, paths, grid, recorded);
        keepPaths(recorded, paths, scene);
        return result;
    }

    private static int pathCount(int n, TimeGrid grid) {
        return Math.max(1, Math.min(Math.min(n, MAX_PATHS), MAX_SEGMENTS / grid.steps()));
    }

    private void keepPaths(Trajectory recorded, int paths, Scene scene) {
        int dim = SourceNoise.DIM;
        int frames = recorded.frameCount();
        int frame = paths * dim;
        trajectory = ensure(trajectory, frames * frame);
        for (int k = 0; k < frames; k++) {
            System.arraycopy(recorded.frame(k), 0, trajectory, k * frame, frame);
        }
        times = new double[frames];
        for (int k = 0; k < frames; k++) {
            times[k] = recorded.time(k);
        }
        scene.trajectory = trajectory;
        scene.frames = frames;
        scene.stride = paths;
        scene.paths = paths;
    }

    /** The times of the last run's trajectory frames (what the CSV export writes as t). */
    public double[] times() {
        return times;
    }

    private static float[] ensure(float[] a, int size) {
        return a.length >= size ? a : new float[size];
    }
}
