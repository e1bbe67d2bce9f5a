package flowplay.core.likelihood;

import flowplay.core.model.DivergenceField;
import flowplay.core.model.VelocityField;

/**
 * The instantaneous change of variables as one ODE on the state [x, a] per point (stride dim + 1):
 * dx/dt = u_t(x), da/dt = div u_t(x). The divergence is exact, or Hutchinson's mean of eᵀ(∂u/∂x)e over fixed probes
 * e_1..e_K, which must stay the same for the whole integration so that the estimate of ∫ div dt is unbiased.
 */
final class AugmentedField implements VelocityField {
    private final DivergenceField u;
    private final int dim;
    /** K probes, each n×dim, or null for the exact divergence. */
    private final float[][] probes;
    private float[] x = new float[0];
    private float[] velocity = new float[0];
    private float[] divergence = new float[0];
    private float[] jvp = new float[0];

    AugmentedField(DivergenceField u, float[][] probes) {
        this.u = u;
        this.dim = u.dim();
        this.probes = probes;
    }

    @Override
    public int dim() {
        return dim + 1;
    }

    @Override
    public void velocity(float[] z, float t, int n, float[] out) {
        int size = n * dim;
        if (x.length < size) {
            x = new float[size];
            velocity = new float[size];
            jvp = new float[size];
            divergence = new float[n];
        }
        int stride = dim + 1;
        for (int i = 0; i < n; i++) {
            System.arraycopy(z, i * stride, x, i * dim, dim);
        }
        if (probes == null) {
            u.velocityAndDivergence(x, t, n, velocity, divergence);
        } else {
            for (int i = 0; i < n; i++) {
                divergence[i] = 0;
            }
            for (float[] e : probes) {
                u.velocityAndJvp(x, t, n, e, velocity, jvp);
                for (int i = 0; i < n; i++) {
                    double dot = 0;
                    for (int j = 0; j < dim; j++) {
                        dot += e[i * dim + j] * jvp[i * dim + j];
                    }
                    divergence[i] += (float) (dot / probes.length);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(velocity, i * dim, out, i * stride, dim);
            out[i * stride + dim] = divergence[i];
        }
    }
}
