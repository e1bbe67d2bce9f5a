package flowplay.core.solver;

/**
 * Settings for {@link Solvers#byName(String, SolverParams)}: tolerances and evaluation budget for dopri5, noise level g
 * and seed for the Euler–Maruyama sampler. Solvers ignore what they do not use.
 */
public record SolverParams(double rtol, double atol, int maxNfe, double noise, long seed) {
    public SolverParams {
        if (!(rtol >= 0) || !(atol >= 0) || rtol + atol == 0) {
            throw new IllegalArgumentException("rtol and atol must be non-negative and not both zero, were " + rtol + ", " + atol);
        }
        if (maxNfe < 1) {
            throw new IllegalArgumentException("maxNfe must be positive, was " + maxNfe);
        }
        if (!(noise >= 0) || noise == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("noise g must be finite and ≥ 0, was " + noise);
        }
    }

    /** rtol = atol = 1e-5 (well above float32 round-off), 100000 evaluations, no noise, seed 0. */
    public static SolverParams defaults() {
        return new SolverParams(1e-5, 1e-5, 100_000, 0.0, 0L);
    }

    public SolverParams withTolerances(double rtol, double atol) {
        return new SolverParams(rtol, atol, maxNfe, noise, seed);
    }

    public SolverParams withMaxNfe(int maxNfe) {
        return new SolverParams(rtol, atol, maxNfe, noise, seed);
    }

    public SolverParams withNoise(double noise, long seed) {
        return new SolverParams(rtol, atol, maxNfe, noise, seed);
    }
}
