package flowplay.core.path.scheduler;

import flowplay.core.path.Scheduler;

/** α_t = sin(πt/2), σ_t = cos(πt/2): variance preserving, with finite derivatives at both ends. */
public final class Cosine implements Scheduler {
    private static final double HALF_PI = 0.5 * Math.PI;

    @Override
    public String name() {
        return "cosine";
    }

    @Override
    public double alpha(double t) {
        return Math.sin(HALF_PI * t);
    }

    /** cos(π/2) in doubles is 6e-17, not 0; the data end must be exactly noise-free so conversions see the singularity. */
    @Override
    public double sigma(double t) {
        return t == 1.0 ? 0.0 : Math.cos(HALF_PI * t);
    }

    @Override
    public double alphaDot(double t) {
        return HALF_PI * Math.cos(HALF_PI * t);
    }

    @Override
    public double sigmaDot(double t) {
        return -HALF_PI * Math.sin(HALF_PI * t);
    }

    /** tan(πt/2) = r ⇔ t = (2/π)·atan(r). */
    @Override
    public double snrInverse(double snr) {
        if (!(snr > 0)) {
            return 0.0;
        }
        return snr == Double.POSITIVE_INFINITY ? 1.0 : Math.atan(snr) / HALF_PI;
    }
}
