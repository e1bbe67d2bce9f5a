package flowplay.core.model;

/**
 * A velocity field that also knows the score ∇log p_t(x) of its marginals, which the stochastic sampler needs: the SDE
 * dx = (u_t + ½g²·∇log p_t) dt + g·dW has the same marginals p_t as the ODE dx = u_t dt for any noise level g.
 */
public interface ScoreField extends VelocityField {
    /** Writes ∇log p_t(x) for n points (row-major n×dim) into {@code out}. */
    void score(float[] x, float t, int n, float[] out);
}
