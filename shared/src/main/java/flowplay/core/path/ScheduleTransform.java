package flowplay.core.path;

import flowplay.core.model.VelocityField;

/**
 * Samples a velocity field trained on scheduler A as if it had been trained on scheduler B (the Guide's scheduler change):
 * both paths pass through the same signal-to-noise ratios, so the B-path at time t is the A-path at the time t_A with the
 * same α/σ, rescaled by s_t. Endpoints are kept (s = 1 where α = 0 at t=0 and s → 1 at t=1) while the paths in between bend.
 *
 * <p>With t_A = snrInverse_A(snr_B(t)) and s = σ_B(t)/σ_A(t_A), x̄_t = s·x_{t_A}, and differentiating gives
 * ū(t, x) = (ṡ/s)·x + s·ṫ_A·u(t_A, x/s), where ṫ_A = snr'_B(t)/snr'_A(t_A) (implicit differentiation of the SNR match)
 * and ṡ/s = σ̇_B(t)/σ_B(t) − σ̇_A(t_A)·ṫ_A/σ_A(t_A).
 *
 * <p>Defined on {@link #safeTimes(double)}: never at t=1 (σ_B = σ_A = 0 there), and, when A starts above zero SNR (vp's
 * α_0 &gt; 0), only from the B-time where B reaches A's starting SNR, since A's model was never trained below it.
 */
public final class ScheduleTransform implements VelocityField {
    private final VelocityField trained;
    private final Scheduler from;
    private final Scheduler to;
    private float[] scaled = new float[0];

    /** Time, scale and rates of the map at one B-time. */
    public record Coefficients(double timeA, double timeADot, double scale, double scaleRate) {
        boolean isFinite() {
            return Double.isFinite(timeA) && Double.isFinite(timeADot) && Double.isFinite(scale) && Double.isFinite(scaleRate)
                    && scale > 0;
        }
    }

    /** {@code trained} was trained on {@code from}; this field follows {@code to}. */
    public ScheduleTransform(VelocityField trained, Scheduler from, Scheduler to) {
        this.trained = trained;
        this.from = from;
        this.to = to;
    }

    @Override
    public int dim() {
        return trained.dim();
    }

    public Coefficients coefficients(double t) {
        double tA = from.snrInverse(to.snr(t));
        double tADot = to.snrDot(t) / from.snrDot(tA);
        double scale = to.sigma(t) / from.sigma(tA);
        double scaleRate = to.sigmaDot(t) / to.sigma(t) - from.sigmaDot(tA) * tADot / from.sigma(tA);
        return new Coefficients(tA, tADot, scale, scaleRate);
    }

    /**
     * [lo, hi] where the transformed field is finite: lo is 0, or the B-time of A's starting SNR, moved up by eps if the
     * map is singular there (e.g. ṫ_A is infinite at 0 when A is polynomial with n &gt; 1); hi = 1 − eps.
     */
    public double[] safeTimes(double eps) {
        double lo = from.alpha(0.0) > 0 ? to.snrInverse(from.snr(0.0)) : 0.0;
        if (!coefficients(lo).isFinite()) {
            lo += eps;
        }
        return new double[] {lo, 1.0 - eps};
    }

    @Override
    public void velocity(float[] x, float t, int n, float[] out) {
        Coefficients c = coefficients(t);
        double lo = from.alpha(0.0) > 0 ? to.snrInverse(from.snr(0.0)) : 0.0;
        if (!c.isFinite() || t < lo) {
            double[] safe = safeTimes(1e-4);
            throw new IllegalArgumentException("the " + from.name() + " → " + to.name() + " schedule change is undefined at t=" + t
                    + "; sample on about [" + safe[0] + ", " + safe[1] + "] (safeTimes(eps))");
        }
        int count = n * trained.dim();
        if (scaled.length < count) {
            scaled = new float[count];
        }
        float inv = (float) (1.0 / c.scale());
        for (int j = 0; j < count; j++) {
            scaled[j] = x[j] * inv;
        }
        trained.velocity(scaled, (float) c.timeA(), n, out);
        float gain = (float) (c.scale() * c.timeADot());
        float rate = (float) c.scaleRate();
        for (int j = 0; j < count; j++) {
            out[j] = rate * x[j] + gain * out[j];
        }
    }
}
