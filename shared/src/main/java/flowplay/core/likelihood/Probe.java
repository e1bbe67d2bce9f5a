package flowplay.core.likelihood;

import flowplay.core.rng.Rng;

/**
 * Distributions of Hutchinson probe vectors e with E[e eᵀ] = I, so that E[eᵀ J e] = tr J. Rademacher (±1) has the
 * smaller variance; Gaussian is the textbook choice.
 */
public enum Probe {
    RADEMACHER,
    GAUSSIAN;

    public String id() {
        return this == RADEMACHER ? "rademacher" : "gaussian";
    }

    public static Probe parse(String id) {
        for (Probe p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown probe '" + id + "'; one of rademacher, gaussian");
    }

    void fill(Rng rng, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = this == RADEMACHER ? ((rng.nextLong() & 1L) == 0 ? -1f : 1f) : (float) rng.nextGaussian();
        }
    }
}
