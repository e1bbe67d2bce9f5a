package flowplay.core.path.scheduler;

import flowplay.core.path.Scheduler;

/** α_t = t, σ_t = sqrt(1 − t²): variance preserving (α² + σ² = 1) with a linear signal. σ̇ is infinite at t=1. */
public final class LinearVp implements Scheduler {
    @Override
    public String name() {
        return "linear-vp";
    }

    @Override
    public double alpha(double t) {
        return t;
    }

    @Override
    public double sigma(double t) {
        return Math.sqrt(1.0 - t * t);
    }

    @Override
    public double alphaDot(double t) {
        return 1.0;
    }

    @Override
    public double sigmaDot(double t) {
        return -t / Math.sqrt(1.0 - t * t);
    }

    /** t/sqrt(1−t²) = r ⇔ t² = r²/(1+r²). */
    @Override
    public double snrInverse(double snr) {
        if (!(snr > 0)) {
            return 0.0;
        }
        return snr == Double.POSITIVE_INFINITY ? 1.0 : snr / Math.sqrt(1.0 + snr * snr);
    }
}
