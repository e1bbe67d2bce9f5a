package flowplay.core.path.scheduler;

import flowplay.core.path.Scheduler;

/**
 * The variance-preserving DDPM / score-SDE path in the flow-matching frame: with the integrated noise rate
 * T(t) = ½(1−t)²(β_max−β_min) + (1−t)β_min, α_t = exp(−T/2) and σ_t = sqrt(1 − exp(−T)). Note α_0 = exp(−(β_min+β_max)/4)
 * is small but not 0 (the source is only nearly N(0,I)), and σ̇ is infinite at t=1 where σ ~ sqrt(β_min(1−t)).
 */
public record Vp(double betaMin, double betaMax) implements Scheduler {
    public static final double DEFAULT_BETA_MIN = 0.1;
    public static final double DEFAULT_BETA_MAX = 20.0;

    public Vp {
        if (!(betaMin > 0) || !(betaMax >= betaMin) || Double.isInfinite(betaMax)) {
            throw new IllegalArgumentException("vp scheduler needs 0 < beta_min ≤ beta_max, was beta_min=" + betaMin
                    + ", beta_max=" + betaMax);
        }
    }

    public Vp() {
        this(DEFAULT_BETA_MIN, DEFAULT_BETA_MAX);
    }

    @Override
    public String name() {
        return "vp";
    }

    /** T(t), the integral of β from the data end. */
    public double integratedBeta(double t) {
        double u = 1.0 - t;
        return 0.5 * u * u * (betaMax - betaMin) + u * betaMin;
    }

    /** dT/dt = −β(t) with β linear from β_max at t=0 to β_min at t=1. */
    public double integratedBetaDot(double t) {
        return -((1.0 - t) * (betaMax - betaMin) + betaMin);
    }

    @Override
    public double alpha(double t) {
        return Math.exp(-0.5 * integratedBeta(t));
    }

    @Override
    public double sigma(double t) {
        // 1 − exp(−T) loses digits for small T; −expm1(−T) does not.
        return Math.sqrt(-Math.expm1(-integratedBeta(t)));
    }

    @Override
    public double alphaDot(double t) {
        return -0.5 * integratedBetaDot(t) * alpha(t);
    }

    /** d/dt sqrt(1 − e^{−T}) = e^{−T}·T'/(2σ) = α²·T'/(2σ). */
    @Override
    public double sigmaDot(double t) {
        double a = alpha(t);
        return a * a * integratedBetaDot(t) / (2.0 * sigma(t));
    }

    /** α²/σ² = e^{−T}/(1−e^{−T}) = r² ⇔ T = ln(1 + 1/r²); then solve the quadratic T(t) for u = 1−t ≥ 0. */
    @Override
    public double snrInverse(double snr) {
        if (!(snr > snr(0.0))) {
            return 0.0;
        }
        if (snr == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        double target = Math.log1p(1.0 / (snr * snr));
        double a = 0.5 * (betaMax - betaMin);
        double u;
        if (a == 0.0) {
            u = target / betaMin;
        } else {
            // Stable root of a·u² + β_min·u − T = 0: 2T/(β_min + sqrt(β_min² + 4aT)) avoids cancellation as T → 0.
            u = 2.0 * target / (betaMin + Math.sqrt(betaMin * betaMin + 4.0 * a * target));
        }
        return Math.max(0.0, Math.min(1.0, 1.0 - u));
    }
}
