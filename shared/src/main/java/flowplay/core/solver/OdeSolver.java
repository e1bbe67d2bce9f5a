package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/** One explicit step of dx/dt = u_t(x), in place. Implementations keep scratch buffers and are not thread-safe. */
public interface OdeSolver {
    String name();

    /** Function evaluations per step: the honest cost measure when comparing solvers. */
    int evaluationsPerStep();

    /** Advances the n points in {@code x} (row-major n×dim) from time t to t + h. */
    void step(VelocityField u, float[] x, int n, float t, float h);
}
