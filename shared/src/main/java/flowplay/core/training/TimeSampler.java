package flowplay.core.training;

import flowplay.core.rng.Rng;

import java.util.List;

/**
 * Draws training times in [lo, hi] ⊆ [0, 1]. {@code uniform}: U(lo, hi). {@code logit-normal(m, s)}: t = σ(m + s·z)
 * with z ~ N(0, 1) (Esser et al., 2024), which spends more steps in the middle of the path for m = 0; mapped affinely
 * into [lo, hi], so that a target singular at an end (the score at σ_t = 0) is never asked for there.
 */
public record TimeSampler(String kind, double mean, double std) {
    public static final String UNIFORM = "uniform";
    public static final String LOGIT_NORMAL = "logit-normal";

    public TimeSampler {
        if (!UNIFORM.equals(kind) && !LOGIT_NORMAL.equals(kind)) {
            throw new IllegalArgumentException("unknown time sampling '" + kind + "'; one of " + String.join(", ", ids()));
        }
        if (!(std > 0) || !Double.isFinite(mean) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("logit-normal time sampling needs a finite mean and a positive std, was m=" + mean + ", s=" + std);
        }
    }

    public static TimeSampler uniform() {
        return new TimeSampler(UNIFORM, 0, 1);
    }

    public static List<String> ids() {
        return List.of(UNIFORM, LOGIT_NORMAL);
    }

    /** One time in [lo, hi]. */
    public float sample(Rng rng, double lo, double hi) {
        double u;
        if (UNIFORM.equals(kind)) {
            u = rng.nextFloat();
        } else {
            u = 1.0 / (1.0 + Math.exp(-(mean + std * rng.nextGaussian())));
        }
        return (float) (lo + (hi - lo) * u);
    }
}
