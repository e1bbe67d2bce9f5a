package flowplay.core;

import flowplay.core.model.DivergenceField;
import flowplay.core.model.ScoreField;

/**
 * A closed-form test model: condot path from N(0, I) to N(μ, Σ) with Σ = R·diag(s²)·Rᵀ, R a rotation by θ in the
 * first two coordinates (θ = 0: independent coordinates). In the eigenbasis y = Rᵀ(x − tμ) every quantity is per
 * coordinate: v_j(t) = (1 − t)² + t²s_j², c_j(t) = (t s_j² − (1 − t)) / v_j(t), so
 * u = μ + R·diag(c)·y, score = −R·diag(1/v)·y, ∂u/∂x = R·diag(c)·Rᵀ, div u = Σ c_j; the flow maps x0 to μ + R·diag(s)·Rᵀx0.
 */
public final class GaussianFlow implements ScoreField, DivergenceField {
    private final double[] mu;
    private final double[] s;
    private final double cos;
    private final double sin;
    public int evaluations;

    public GaussianFlow(double[] mu, double[] s, double theta) {
        this.mu = mu.clone();
        this.s = s.clone();
        this.cos = Math.cos(theta);
        this.sin = Math.sin(theta);
    }

    @Override
    public int dim() {
        return mu.length;
    }

    private double variance(int j, double t) {
        return (1 - t) * (1 - t) + t * t * s[j] * s[j];
    }

    private double slope(int j, double t) {
        return (t * s[j] * s[j] - (1 - t)) / variance(j, t);
    }

    /** Rᵀv in place (R rotates coordinates 0 and 1). */
    private void toEigen(double[] v) {
        if (v.length >= 2) {
            double a = cos * v[0] + sin * v[1];
            double b = -sin * v[0] + cos * v[1];
            v[0] = a;
            v[1] = b;
        }
    }

    private void fromEigen(double[] v) {
        if (v.length >= 2) {
            double a = cos * v[0] - sin * v[1];
            double b = sin * v[0] + cos * v[1];
            v[0] = a;
            v[1] = b;
        }
    }

    /** out_i = offset + R·diag(f(j))·Rᵀ·(in_i − shift) for each point. */
    private interface Coefficient {
        double of(int j);
    }

    private void apply(float[] in, double shiftScale, int n, Coefficient f, boolean addMean, float[] out) {
        int d = dim();
        double[] v = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                v[j] = in[i * d + j] - shiftScale * mu[j];
            }
            toEigen(v);
            for (int j = 0; j < d; j++) {
                v[j] *= f.of(j);
            }
            fromEigen(v);
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) ((addMean ? mu[j] : 0) + v[j]);
            }
        }
    }

    @Override
    public void velocity(float[] x, float t, int n, float[] out) {
        evaluations++;
        apply(x, t, n, j -> slope(j, t), true, out);
    }

    @Override
    public void score(float[] x, float t, int n, float[] out) {
        apply(x, t, n, j -> -1 / variance(j, t), false, out);
    }

    @Override
    public void velocityAndDivergence(float[] x, float t, int n, float[] velocity, float[] divergence) {
        velocity(x, t, n, velocity);
        for (int i = 0; i < n; i++) {
            divergence[i] = (float) divergence(t);
        }
    }

    @Override
    public void velocityAndJvp(float[] x, float t, int n, float[] e, float[] velocity, float[] jvp) {
        velocity(x, t, n, velocity);
        apply(e, 0, n, j -> slope(j, t), false, jvp);
    }

    public double divergence(double t) {
        double sum = 0;
        for (int j = 0; j < dim(); j++) {
            sum += slope(j, t);
        }
        return sum;
    }

    /** Where the exact flow takes x0 at t = 1: μ + R·diag(s)·Rᵀ·x0. */
    public double[] transport(float[] x0, int i) {
        int d = dim();
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = x0[i * d + j];
        }
        toEigen(v);
        for (int j = 0; j < d; j++) {
            v[j] *= s[j];
        }
        fromEigen(v);
        for (int j = 0; j < d; j++) {
            v[j] += mu[j];
        }
        return v;
    }

    /** log N(x; μ, Σ) for point i. */
    public double logDensity(float[] x, int i) {
        int d = dim();
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = x[i * d + j] - mu[j];
        }
        toEigen(v);
        double sum = -0.5 * d * Math.log(2 * Math.PI);
        for (int j = 0; j < d; j++) {
            sum += -0.5 * (v[j] / s[j]) * (v[j] / s[j]) - Math.log(s[j]);
        }
        return sum;
    }
}
