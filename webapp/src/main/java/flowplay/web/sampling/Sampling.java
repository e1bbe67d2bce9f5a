package flowplay.web.sampling;

import flowplay.core.model.VelocityField;
import flowplay.core.solver.OdeSolver;
import flowplay.core.solver.Sampler;
import flowplay.web.render.Scene;

/**
 * Runs the core {@link Sampler} on the fixed source noise and fills a {@link Scene}. Trajectories are recorded for all
 * points when that fits in memory, else for a leading subset integrated separately: rows of a batched MLP are
 * independent, so the subset's paths are exactly the paths those points take in the full batch.
 */
public final class Sampling {
    /** Paths drawn: more is a blur, and each costs (steps) line segments per picture. */
    public static final int MAX_PATHS = 384;
    /** Floats of trajectory recorded for the whole batch before switching to the subset (16 MB). */
    private static final int MAX_FULL_TRAJECTORY = 4_000_000;
    /** Line segments drawn at most, so 1000 solver steps still draw quickly. */
    private static final int MAX_SEGMENTS = 120_000;

    private float[] x = new float[0];
    private float[] subset = new float[0];
    private float[] trajectory = new float[0];

    /** Integrates {@code noise} (n points) with the solver into {@code scene.samples} and its trajectories; returns the NFE. */
    public int run(VelocityField field, OdeSolver solver, int steps, float[] noise, int n, Scene scene) {
        int dim = SourceNoise.DIM;
        x = ensure(x, n * dim);
        System.arraycopy(noise, 0, x, 0, n * dim);
        int paths = Math.max(1, Math.min(Math.min(n, MAX_PATHS), MAX_SEGMENTS / steps));
        int frames = steps + 1;
        int nfe;
        if ((long) frames * n * dim <= MAX_FULL_TRAJECTORY) {
            trajectory = ensure(trajectory, frames * n * dim);
            nfe = Sampler.integrate(field, solver, x, n, steps, trajectory);
            scene.stride = n;
        } else {
            nfe = Sampler.integrate(field, solver, x, n, steps, null);
            subset = ensure(subset, paths * dim);
            System.arraycopy(noise, 0, subset, 0, paths * dim);
            trajectory = ensure(trajectory, frames * paths * dim);
            Sampler.integrate(field, solver, subset, paths, steps, trajectory);
            scene.stride = paths;
        }
        scene.samples = x;
        scene.sampleCount = n;
        scene.trajectory = trajectory;
        scene.frames = frames;
        scene.paths = paths;
        return nfe;
    }

    private static float[] ensure(float[] a, int size) {
        return a.length >= size ? a : new float[size];
    }
}
