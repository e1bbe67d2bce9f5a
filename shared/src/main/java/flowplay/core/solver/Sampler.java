package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/** Integrates samples from the source at t=0 to the data at t=1 on a uniform grid. */
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
}
