package flowplay.core.path.scheduler;

import flowplay.core.path.Scheduler;

/** α_t = tⁿ, σ_t = 1 − tⁿ: condot with time reparameterised by tⁿ, so n &gt; 1 spends more of [0,1] near the noise. */
public record Polynomial(double n) implements Scheduler {
    public Polynomial {
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("polynomial scheduler exponent n must be a positive number, was " + n);
        }
    }

    @Override
    public String name() {
        return "polynomial";
    }

    @Override
    public double alpha(double t) {
        return Math.pow(t, n);
    }

    @Override
    public double sigma(double t) {
        return 1.0 - Math.pow(t, n);
    }

    @Override
    public double alphaDot(double t) {
        return n * Math.pow(t, n - 1.0);
    }

    @Override
    public double sigmaDot(double t) {
        return -n * Math.pow(t, n - 1.0);
    }

    /** tⁿ/(1−tⁿ) = r ⇔ tⁿ = r/(1+r). */
    @Override
    public double snrInverse(double snr) {
        if (!(snr > 0)) {
            return 0.0;
        }
        return snr == Double.POSITIVE_INFINITY ? 1.0 : Math.pow(snr / (1.0 + snr), 1.0 / n);
    }
}
