package flowplay.core.coupling;

import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static flowplay.core.coupling.MinibatchOtTest.gaussian;
import static flowplay.core.coupling.MinibatchOtTest.meanSquaredDistance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SinkhornTest {
    @Test
    void marginalsAreUniform() {
        int n = 64;
        int dim = 2;
        Rng rng = new Rng(3);
        float[] x0 = gaussian(rng, n * dim, 0);
        float[] x1 = gaussian(rng, n * dim, 2);
        for (double epsilon : new double[] {0.05, 1}) {
            Sinkhorn sinkhorn = new Sinkhorn(epsilon, 100000, 1e-9);
            double[] plan = sinkhorn.plan(x0, x1, n, dim);
            assertTrue(sinkhorn.lastIterations() < 100000, "did not converge at epsilon " + epsilon);
            for (int i = 0; i < n; i++) {
                double row = 0;
                double column = 0;
                for (int j = 0; j < n; j++) {
                    row += plan[i * n + j];
                    column += plan[j * n + i];
                }
                assertEquals(1.0 / n, row, 1e-8, "row " + i + " at epsilon " + epsilon);
                assertEquals(1.0 / n, column, 1e-8, "column " + i + " at epsilon " + epsilon);
            }
        }
    }

    @Test
    void staysFiniteWhenTheKernelUnderflows() {
        // A far outlier: exp(−C/ε) is 0 in double for its whole row, which only the log-domain potentials can handle.
        int n = 32;
        int dim = 2;
        Rng rng = new Rng(8);
        float[] x0 = gaussian(rng, n * dim, 0);
        float[] x1 = gaussian(rng, n * dim, 0);
        x1[0] = 300;
        Sinkhorn sinkhorn = new Sinkhorn(0.01, 100000, 1e-6);
        double[] plan = sinkhorn.plan(x0, x1, n, dim);
        assertTrue(sinkhorn.lastIterations() < 100000, "did not converge");
        for (int i = 0; i < n; i++) {
            double row = 0;
            double column = 0;
            for (int j = 0; j < n; j++) {
                assertTrue(Double.isFinite(plan[i * n + j]));
                row += plan[i * n + j];
                column += plan[j * n + i];
            }
            assertEquals(1, row * n, 1e-4);
            assertEquals(1, column * n, 1e-9);
        }
    }

    @Test
    void smallEpsilonApproachesTheExactOtCost() {
        int n = 16;
        int dim = 2;
        for (long seed = 0; seed < 4; seed++) {
            Rng rng = new Rng(seed);
            float[] x0 = gaussian(rng, n * dim, 0);
            float[] x1 = gaussian(rng, n * dim, 1);
            double[] cost = SquaredDistances.between(x1, n, x0, n, dim);
            double exact = Assignment.solve(cost, n).cost() / n;
            double previous = Double.POSITIVE_INFINITY;
            for (double epsilon : new double[] {1, 0.3, 0.1, 0.03, 0.01}) {
                double[] plan = new Sinkhorn(epsilon, 200000, 1e-7).plan(x0, x1, n, dim);
                double planCost = 0;
                for (int k = 0; k < plan.length; k++) {
                    planCost += plan[k] * cost[k];
                }
                // The plan sums to 1, so ⟨P, C⟩ is already a mean cost per pair, comparable with exact.
                assertTrue(planCost >= exact - 1e-6, "no plan beats exact OT: " + planCost + " < " + exact);
                assertTrue(planCost <= previous + 1e-9, "cost must fall with epsilon");
                previous = planCost;
            }
            assertEquals(exact, previous, 0.02 * exact, "epsilon 0.01, seed " + seed);
            // The sampled pairs, not just the plan: on average they cost what the plan costs.
            double[] plan = new Sinkhorn(0.01, 200000, 1e-7).plan(x0, x1, n, dim);
            Rng draws = new Rng(seed);
            double sampled = 0;
            for (int r = 0; r < 200; r++) {
                int[] partner = Sinkhorn.partners(plan, n, draws);
                for (int i = 0; i < n; i++) {
                    sampled += cost[i * n + partner[i]] / n;
                }
            }
            assertEquals(exact, sampled / 200, 0.03 * exact, "sampled, seed " + seed);
        }
    }

    @Test
    void largeEpsilonBehavesLikeIndependentPairs() {
        int n = 64;
        int dim = 2;
        Rng rng = new Rng(11);
        float[] x0 = gaussian(rng, n * dim, 0);
        float[] x1 = gaussian(rng, n * dim, 2);
        Sinkhorn sinkhorn = new Sinkhorn(1e4);
        double[] plan = sinkhorn.plan(x0, x1, n, dim);
        for (double p : plan) {
            assertEquals(1.0, p * n * n, 1e-3);
        }
        double[] cost = SquaredDistances.between(x1, n, x0, n, dim);
        double meanCost = 0;
        for (double c : cost) {
            meanCost += c;
        }
        meanCost /= cost.length;
        double sampled = 0;
        int draws = 200;
        for (int r = 0; r < draws; r++) {
            float[] paired = x0.clone();
            float[] x1Before = x1.clone();
            sinkhorn.pair(paired, x1, n, dim, rng);
            assertArrayEquals(x1Before, x1, 0f);
            sampled += meanSquaredDistance(paired, x1, n, dim);
        }
        assertEquals(meanCost, sampled / draws, 0.03 * meanCost);
    }

    @Test
    void pairedRowsComeFromTheBatchAndAreReproducible() {
        int n = 32;
        int dim = 3;
        Rng rng = new Rng(5);
        float[] x0 = gaussian(rng, n * dim, 0);
        float[] x1 = gaussian(rng, n * dim, 1);
        float[] a = x0.clone();
        float[] b = x0.clone();
        new Sinkhorn(0.05).pair(a, x1, n, dim, new Rng(9));
        new Sinkhorn(0.05).pair(b, x1, n, dim, new Rng(9));
        assertArrayEquals(a, b, 0f);
        for (int i = 0; i < n; i++) {
            boolean found = false;
            for (int j = 0; j < n && !found; j++) {
                boolean same = true;
                for (int d = 0; d < dim; d++) {
                    same &= a[i * dim + d] == x0[j * dim + d];
                }
                found = same;
            }
            assertTrue(found, "row " + i + " is not a row of the input x0");
        }
    }
}
