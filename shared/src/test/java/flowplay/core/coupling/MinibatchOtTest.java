package flowplay.core.coupling;

import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinibatchOtTest {
    @Test
    void pairsAreCloserThanIndependentPairs() {
        for (long seed = 0; seed < 10; seed++) {
            int n = 128;
            int dim = 2;
            Rng rng = new Rng(seed);
            float[] x0 = gaussian(rng, n * dim, 0);
            float[] x1 = gaussian(rng, n * dim, 3);
            float[] independent = x0.clone();
            new Independent().pair(independent, x1, n, dim, rng);
            assertArrayEquals(x0, independent, 0f);
            float[] ot = x0.clone();
            float[] x1Before = x1.clone();
            assertNull(new MinibatchOt().pair(ot, x1, n, dim, rng));
            assertArrayEquals(x1Before, x1, 0f, "x1 order must be kept");
            assertIsRowPermutation(x0, ot, n, dim);
            double independentCost = meanSquaredDistance(independent, x1, n, dim);
            double otCost = meanSquaredDistance(ot, x1, n, dim);
            assertTrue(otCost < independentCost, "OT " + otCost + " vs independent " + independentCost);
        }
    }

    @Test
    void equalsTheBruteForceOptimumOnSmallBatches() {
        for (int n = 1; n <= 7; n++) {
            for (long seed = 0; seed < 20; seed++) {
                int dim = 3;
                Rng rng = new Rng(1000 + seed * 10 + n);
                float[] x0 = gaussian(rng, n * dim, 0);
                float[] x1 = gaussian(rng, n * dim, 1);
                double[] cost = SquaredDistances.between(x1, n, x0, n, dim);
                double best = BruteForce.minimumCost(cost, n) / n;
                float[] ot = x0.clone();
                new MinibatchOt().pair(ot, x1, n, dim, rng);
                assertIsRowPermutation(x0, ot, n, dim);
                assertEquals(best, meanSquaredDistance(ot, x1, n, dim), 1e-9 * Math.max(1, best));
            }
        }
    }

    static float[] gaussian(Rng rng, int count, float shift) {
        float[] out = new float[count];
        rng.fillGaussian(out, 0, count);
        for (int k = 0; k < count; k++) {
            out[k] += shift;
        }
        return out;
    }

    static double meanSquaredDistance(float[] a, float[] b, int n, int dim) {
        double sum = 0;
        for (int k = 0; k < n * dim; k++) {
            double d = (double) a[k] - b[k];
            sum += d * d;
        }
        return sum / n;
    }

    static void assertIsRowPermutation(float[] original, float[] permuted, int n, int dim) {
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean found = false;
            for (int j = 0; j < n && !found; j++) {
                if (!used[j] && rowEquals(original, j, permuted, i, dim)) {
                    used[j] = true;
                    found = true;
                }
            }
            assertTrue(found, "row " + i + " is not an unused row of the input");
        }
    }

    private static boolean rowEquals(float[] a, int i, float[] b, int j, int dim) {
        for (int d = 0; d < dim; d++) {
            if (Float.floatToIntBits(a[i * dim + d]) != Float.floatToIntBits(b[j * dim + d])) {
                return false;
            }
        }
        return true;
    }
}
