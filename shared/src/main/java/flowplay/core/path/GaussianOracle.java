package flowplay.core.path;

import flowplay.core.model.DivergenceField;
import flowplay.core.model.ScoreField;

/**
 * The exact marginal fields for data N(μ, s²I) and source N(0, I) on any affine path: a learning-free "perfect model" to
 * test conversions, solvers and likelihoods against.
 *
 * <p>x_t = α·x1 + σ·x0 is Gaussian, N(α·μ, v·I) with v = α²s² + σ², and jointly Gaussian with x1 and x0
 * (Cov(x1, x_t) = α·s²·I, Cov(x0, x_t) = σ·I), so conditioning gives m1 = E[x1|x_t] = μ + (α·s²/v)(x − α·μ) and
 * m0 = E[x0|x_t] = (σ/v)(x − α·μ). Hence u_t(x) = α̇·m1 + σ̇·m0 = α̇·μ + k·(x − α·μ) with k = (α̇·α·s² + σ̇·σ)/v,
 * score −(x − α·μ)/v, divergence dim·k. Where α̇ or σ̇ is infinite (vp, linear-vp at t=1; polynomial n &lt; 1 at t=0) the
 * velocity throws instead: evaluate on {@link #safeTimes(double)}.
 */
public final class GaussianOracle implements ScoreField, DivergenceField {
    private final double[] mean;
    private final double std;
    private final Scheduler scheduler;

    public GaussianOracle(double[] mean, double std, Scheduler scheduler) {
        if (!(std > 0)) {
            throw new IllegalArgumentException("data std must be positive, was " + std);
        }
        this.mean = mean.clone();
        this.std = std;
        this.scheduler = scheduler;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double std() {
        return std;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public int dim() {
        return mean.length;
    }

    /** v_t = α²s² + σ², the per-coordinate variance of p_t. */
    public double variance(double t) {
        double a = scheduler.alpha(t);
        double s = scheduler.sigma(t);
        return a * a * std * std + s * s;
    }

    /** k_t = (α̇·α·s² + σ̇·σ)/v: the velocity's slope in x, so also div u = dim·k. */
    private double slope(double t) {
        double k = (scheduler.alphaDot(t) * scheduler.alpha(t) * std * std + scheduler.sigmaDot(t) * scheduler.sigma(t)) / variance(t);
        if (!Double.isFinite(k) || !Double.isFinite(scheduler.alphaDot(t))) {
            double[] safe = safeTimes(1e-6);
            throw new IllegalArgumentException("the " + scheduler.name() + " velocity is singular at t=" + t
                    + " (α̇ or σ̇ is infinite there); clip the time grid to safeTimes(eps), here [" + safe[0] + ", " + safe[1] + "]");
        }
        return k;
    }

    /** [lo, hi]: 0 and 1 where the velocity is finite at that end, else eps and 1 − eps (vp, linear-vp at 1; tⁿ, n &lt; 1 at 0). */
    public double[] safeTimes(double eps) {
        return new double[] {finiteAt(0.0) ? 0.0 : eps, finiteAt(1.0) ? 1.0 : 1.0 - eps};
    }

    private boolean finiteAt(double t) {
        double k = (scheduler.alphaDot(t) * scheduler.alpha(t) * std * std + scheduler.sigmaDot(t) * scheduler.sigma(t)) / variance(t);
        return Double.isFinite(k) && Double.isFinite(scheduler.alphaDot(t));
    }

    @Override
    public void velocity(float[] x, float t, int n, float[] out) {
        double a = scheduler.alpha(t);
        double aDot = scheduler.alphaDot(t);
        double k = slope(t);
        int d = mean.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) (aDot * mean[j] + k * (x[i * d + j] - a * mean[j]));
            }
        }
    }

    @Override
    public void score(float[] x, float t, int n, float[] out) {
        double a = scheduler.alpha(t);
        double v = variance(t);
        int d = mean.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) (-(x[i * d + j] - a * mean[j]) / v);
            }
        }
    }

    @Override
    public void velocityAndDivergence(float[] x, float t, int n, float[] velocity, float[] divergence) {
        velocity(x, t, n, velocity);
        float div = (float) (mean.length * slope(t));
        for (int i = 0; i < n; i++) {
            divergence[i] = div;
        }
    }

    @Override
    public void velocityAndJvp(float[] x, float t, int n, float[] e, float[] velocity, float[] jvp) {
        velocity(x, t, n, velocity);
        float k = (float) slope(t);
        for (int j = 0; j < n * mean.length; j++) {
            jvp[j] = k * e[j];
        }
    }

    /** log p_t(x) = −(dim/2)·log(2π·v) − |x − α·μ|²/(2v), in double for likelihood tests. */
    public void logDensity(float[] x, float t, int n, double[] out) {
        double a = scheduler.alpha(t);
        double v = variance(t);
        int d = mean.length;
        double norm = -0.5 * d * Math.log(2.0 * Math.PI * v);
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int j = 0; j < d; j++) {
                double r = x[i * d + j] - a * mean[j];
                sq += r * r;
            }
            out[i] = norm - sq / (2.0 * v);
        }
    }
}
