package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/**
 * Integrates a batch of points across a whole {@link TimeGrid}, in place: the common shape of fixed-grid, adaptive and
 * stochastic solvers. Implementations keep scratch buffers and are not thread-safe.
 */
public interface Integrator {
    String name();

    /**
     * Moves the n points in {@code x} (row-major n×dim) from grid.start() to grid.end(). When {@code trajectory} is not
     * null it receives a frame at every grid time, the start included.
     */
    SolveResult integrate(VelocityField u, float[] x, int n, TimeGrid grid, Trajectory trajectory);
}
