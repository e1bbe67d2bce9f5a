package flowplay.core.coupling;

import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignmentTest {
    @Test
    void isOptimalAgainstAllPermutationsOnRandomMatrices() {
        for (int n = 1; n <= 8; n++) {
            for (long seed = 0; seed < 60; seed++) {
                Rng rng = new Rng(seed * 31 + n);
                double[] cost = new double[n * n];
                for (int k = 0; k < cost.length; k++) {
                    cost[k] = switch ((int) (seed % 3)) {
                        case 0 -> rng.nextDouble() * 100 - 50;        // continuous, negative entries too
                        case 1 -> rng.nextInt(4);                      // many ties
                        default -> rng.nextInt(3) * 1e6 + rng.nextDouble(); // wide range of magnitudes
                    };
                }
                checkAgainstBruteForce(cost, n, "n=" + n + " seed=" + seed);
            }
        }
    }

    @Test
    void handlesAllEqualAndDegenerateMatrices() {
        for (int n = 1; n <= 7; n++) {
            double[] constant = new double[n * n];
            java.util.Arrays.fill(constant, 2.5);
            checkAgainstBruteForce(constant, n, "constant n=" + n);
            double[] rankOne = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    rankOne[i * n + j] = (i + 1) * (j + 1);
                }
            }
            checkAgainstBruteForce(rankOne, n, "rank one n=" + n);
        }
    }

    @Test
    void knownSmallCase() {
        // Greedy (take the 1 first) would pay 1 + 100; the optimum pays 2 + 3.
        double[] cost = {1, 2, 3, 100};
        Assignment a = Assignment.solve(cost, 2);
        assertEquals(5, a.cost(), 0);
        assertEquals(1, a.columnOfRow()[0]);
        assertEquals(0, a.columnOfRow()[1]);
    }

    @Test
    void solvesABatchOf1024() {
        int n = 1024;
        Rng rng = new Rng(7);
        double[] cost = new double[n * n];
        for (int k = 0; k < cost.length; k++) {
            cost[k] = rng.nextDouble();
        }
        Assignment a = Assignment.solve(cost, n);
        assertPermutation(a.columnOfRow(), n);
        assertEquals(BruteForce.total(cost, a.columnOfRow(), n), a.cost(), 1e-9);
        // The minimum of n uniform row minima is far below the identity's n/2; the optimum is known to tend to π²/6.
        assertTrue(a.cost() < 2.0, "cost " + a.cost());
    }

    @Test
    void rejectsNonFiniteCosts() {
        assertThrows(IllegalArgumentException.class, () -> Assignment.solve(new double[] {0, Double.NaN, 1, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> Assignment.solve(new double[] {0, 1}, 2));
    }

    private static void checkAgainstBruteForce(double[] cost, int n, String label) {
        Assignment a = Assignment.solve(cost, n);
        assertPermutation(a.columnOfRow(), n);
        double reported = BruteForce.total(cost, a.columnOfRow(), n);
        assertEquals(reported, a.cost(), 1e-9 * Math.max(1, Math.abs(reported)), label);
        double best = BruteForce.minimumCost(cost, n);
        assertEquals(best, a.cost(), 1e-9 * Math.max(1, Math.abs(best)), label);
    }

    static void assertPermutation(int[] p, int n) {
        assertEquals(n, p.length);
        boolean[] seen = new boolean[n];
        for (int v : p) {
            assertTrue(v >= 0 && v < n && !seen[v], "not a permutation");
            seen[v] = true;
        }
    }
}
