package flowplay.core.model;

/** A time-dependent vector field u_t(x) on R^dim, the thing an ODE sampler integrates. */
public interface VelocityField {
    int dim();

    /** Writes u_t(x) for n points (row-major n×dim) into {@code out}. */
    void velocity(float[] x, float t, int n, float[] out);
}
