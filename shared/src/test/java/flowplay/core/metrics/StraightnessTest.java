package flowplay.core.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StraightnessTest {
    @Test
    void oneForStraightConstantVelocityOnAnyTimeGrid() {
        double[] times = {0, 0.1, 0.15, 0.5, 0.9, 1};
        int n = 2;
        int dim = 3;
        double[][] start = {{1, 2, 3}, {-1, 0, 4}};
        double[][] velocity = {{0.5, -2, 1}, {3, 3, 0}};
        float[] trajectory = new float[times.length * n * dim];
        for (int k = 0; k < times.length; k++) {
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < dim; d++) {
                    trajectory[(k * n + i) * dim + d] = (float) (start[i][d] + times[k] * velocity[i][d]);
                }
            }
        }
        assertEquals(1, Straightness.of(trajectory, times, n, dim), 1e-6);
    }

    @Test
    void quarterCircleAtConstantSpeed() {
        // Radius r, angle πt/2: |x1 − x0|² = 2r², ∫|u|² = (πr/2)², so S = 8/π². With K equal steps each chord has
        // length 2r·sin(π/4K), so the discrete S is 2r² / (K²·4r²·sin²(π/4K)) exactly.
        double r = 3;
        for (int steps : new int[] {1, 2, 10, 2000}) {
            float[] trajectory = new float[(steps + 1) * 2];
            for (int k = 0; k <= steps; k++) {
                double angle = Math.PI / 2 * k / steps;
                trajectory[2 * k] = (float) (r * Math.cos(angle));
                trajectory[2 * k + 1] = (float) (r * Math.sin(angle));
            }
            double s = Math.sin(Math.PI / (4 * steps));
            double discrete = 1 / (2.0 * steps * steps * s * s);
            assertEquals(discrete, Straightness.ofUniformGrid(trajectory, steps, 1, 2), 1e-5, "steps " + steps);
        }
        assertEquals(8 / (Math.PI * Math.PI), 1 / (2.0 * 2000 * 2000 * Math.pow(Math.sin(Math.PI / 8000), 2)), 1e-6);
    }

    @Test
    void straightButAcceleratingIsLessThanOne() {
        // x = t²: chord 1, ∫(2t)² dt = 4/3, so S = 3/4.
        int steps = 1000;
        float[] trajectory = new float[steps + 1];
        for (int k = 0; k <= steps; k++) {
            double t = (double) k / steps;
            trajectory[k] = (float) (t * t);
        }
        assertEquals(0.75, Straightness.ofUniformGrid(trajectory, steps, 1, 1), 1e-4);
    }

    @Test
    void averagesOverPointsAndRejectsBadGrids() {
        // Point 0 straight (S = 1); point 1 goes 0 → 2 → 1 in two half steps: chord 1, ∫|u|² = 4/½ + 1/½ = 10, S = 1/10.
        float[] trajectory = {0, 0, 1, 2, 2, 1};
        double[] times = {0, 0.5, 1};
        assertEquals((1 + 0.1) / 2, Straightness.of(trajectory, times, 2, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Straightness.of(trajectory, new double[] {0, 0.5, 0.5}, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Straightness.of(trajectory, new double[] {0}, 2, 1));
    }
}
