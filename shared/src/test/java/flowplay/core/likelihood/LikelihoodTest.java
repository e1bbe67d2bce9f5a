package flowplay.core.likelihood;

import flowplay.core.GaussianFlow;
import flowplay.core.rng.Rng;
import flowplay.core.solver.Dopri5;
import flowplay.core.solver.TimeGrid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** log p_1 of the closed-form Gaussian flow must be the log-density of N(μ, Σ). */
class LikelihoodTest {
    private static final double[] MU = {1.5, -1.0};
    private static final double[] S = {0.4, 1.3};
    /** Rotated covariance: a non-diagonal Jacobian, so Hutchinson with Rademacher probes is not exact by accident. */
    private static final double THETA = 0.6;
    private static final float[] POINTS = {1.5f, -1f, 0f, 0f, 2.2f, -3f, 1f, 0.5f, -0.7f, 1.9f};

    @Test
    void exactDivergenceGivesTheExactLogDensity() {
        for (double theta : new double[] {0, THETA}) {
            GaussianFlow u = new GaussianFlow(MU, S, theta);
            LikelihoodResult r = Likelihood.exact(u, POINTS, 5, 64);
            assertEquals(4 * 64, r.solve().nfe());
            for (int i = 0; i < 5; i++) {
                assertEquals(u.logDensity(POINTS, i), r.logP1()[i], 1e-3, "theta " + theta + " point " + i);
            }
        }
    }

    @Test
    void dopri5GivesTheSameAnswer() {
        GaussianFlow u = new GaussianFlow(MU, S, THETA);
        LikelihoodResult r = Likelihood.exact(u, POINTS, 5, new Dopri5(1e-6, 1e-6, 100_000), TimeGrid.uniform(1, 0, 1));
        for (int i = 0; i < 5; i++) {
            assertEquals(u.logDensity(POINTS, i), r.logP1()[i], 1e-3, "point " + i);
        }
    }

    /** The point at the data mean maps to the source mean, and ∫ div = log of the volume change = Σ log s_j. */
    @Test
    void reportsTheSourcePointAndTheDivergenceIntegral() {
        LikelihoodResult r = Likelihood.exact(new GaussianFlow(MU, S, THETA), POINTS, 5, 64);
        assertEquals(0, r.x0()[0], 1e-4);
        assertEquals(0, r.x0()[1], 1e-4);
        assertEquals(Math.log(S[0]) + Math.log(S[1]), r.divergenceIntegral()[0], 1e-4);
    }

    @Test
    void hutchinsonWithManyProbesIsClose() {
        GaussianFlow u = new GaussianFlow(MU, S, THETA);
        for (Probe probe : Probe.values()) {
            LikelihoodResult r = Likelihood.hutchinson(u, POINTS, 5, 400, probe, new Rng(1),
                    new flowplay.core.solver.FixedGrid(new flowplay.core.solver.Rk4()), TimeGrid.uniform(1, 0, 32));
            for (int i = 0; i < 5; i++) {
                // One probe's error on ∫div has std ≤ ~0.5 here; 400 probes shrink that 20-fold.
                assertEquals(u.logDensity(POINTS, i), r.logP1()[i], 0.1, probe.id() + " point " + i);
            }
        }
    }

    /** With one probe the estimate is noisy, but its mean over seeds is the exact value. */
    @Test
    void hutchinsonIsUnbiasedAcrossSeeds() {
        GaussianFlow u = new GaussianFlow(MU, S, THETA);
        int seeds = 400;
        double exact = u.logDensity(POINTS, 0);
        double sum = 0;
        double sq = 0;
        for (int seed = 0; seed < seeds; seed++) {
            double v = Likelihood.hutchinson(u, POINTS, 1, 1, seed, 16).logP1()[0];
            sum += v;
            sq += v * v;
        }
        double mean = sum / seeds;
        double std = Math.sqrt(sq / seeds - mean * mean);
        assertTrue(std > 1e-2, "a single Rademacher probe should be noisy for a non-diagonal Jacobian, std " + std);
        assertEquals(exact, mean, 4 * std / Math.sqrt(seeds) + 1e-3, "mean over seeds (std " + std + ")");
    }

    @Test
    void rejectsForwardGrids() {
        assertThrows(IllegalArgumentException.class, () -> Likelihood.exact(new GaussianFlow(MU, S, 0), POINTS, 5,
                new flowplay.core.solver.FixedGrid(new flowplay.core.solver.Rk4()), TimeGrid.sampling(8)));
    }
}
