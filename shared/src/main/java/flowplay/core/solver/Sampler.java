package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/** Integrates samples from the source at t=0 to the data at t=1 (or back). */
public final class Sampler {
    private Sampler() {
    }

    /**
     * Moves the n points in {@code x} (row-major n×dim) along dx/dt = u_t(x) from t=0 to t=1 in {@code steps} equal steps.
     * When {@code trajectory} is not null it receives (steps+1) frames of n×dim floats, frame k holding the points at
     * t = k/steps. Returns the number of function evaluations used.
     */
    public static int integrate(VelocityField u, OdeSolver solver, float[] x, int n, int steps, float[] trajectory) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        int frame = n * u.dim();
        if (trajectory != null) {
            if (trajectory.length < (steps + 1) * frame) {
                throw new IllegalArgumentException("trajectory buffer holds " + trajectory.length + " floats, needs " + (steps + 1) * frame);
            }
            System.arraycopy(x, 0, trajectory, 0, frame);
        }
        float h = 1f / steps;
        for (int k = 0; k < steps; k++) {
            // t from the index, not by accumulating h, so the last step ends exactly at t = 1.
            float t = (float) k / steps;
            solver.step(u, x, n, t, h);
            if (trajectory != null) {
                System.arraycopy(x, 0, trajectory, (k + 1) * frame, frame);
            }
        }
        return steps * solver.evaluationsPerStep();
    }

    /**
     * Moves the n points in {@code x} (row-major n×dim) across {@code grid} with any solver, in place; the richer entry
     * point beside {@link #integrate}. {@code trajectory} may be null. The result carries the NFE, accepted and rejected
     * steps and whether the grid was clipped short of the endpoints.
     */
    public static SolveResult run(VelocityField u, Integrator solver, float[] x, int n, TimeGrid grid, Trajectory trajectory) {
        if (n < 0 || x.length < n * u.dim()) {
            throw new IllegalArgumentException("x holds " + x.length + " floats, needs " + n + "×" + u.dim());
        }
        return solver.integrate(u, x, n, grid, trajectory);
    }
}
