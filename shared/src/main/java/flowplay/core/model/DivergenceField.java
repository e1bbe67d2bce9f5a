package flowplay.core.model;

/**
 * A velocity field whose divergence can be evaluated, for the instantaneous change of variables
 * d/dt log p_t(x_t) = −div u_t(x_t) used to compute likelihoods.
 */
public interface DivergenceField extends VelocityField {
    /** Writes u_t(x) into {@code velocity} and the exact divergence tr(∂u/∂x) into {@code divergence} (n values). */
    void velocityAndDivergence(float[] x, float t, int n, float[] velocity, float[] divergence);

    /**
     * Writes u_t(x) into {@code velocity} and the Jacobian-vector product (∂u/∂x)·e into {@code jvp}, per point, for
     * Hutchinson's estimator div u ≈ eᵀ(∂u/∂x)e.
     */
    void velocityAndJvp(float[] x, float t, int n, float[] e, float[] velocity, float[] jvp);
}
