package flowplay.core.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MmdTest {
    private static final int N = 800;

    @Test
    void nearZeroForOneDistributionAndGrowingWithTheShift() {
        float[] x = Samples.gaussian(1, N, 2, 0);
        float[] y = Samples.gaussian(2, N, 2, 0);
        double same = Mmd.squared(x, N, y, N, 2);
        assertEquals(0, same, 0.01, "same distribution");
        double previous = Math.abs(same);
        for (double shift : new double[] {0.25, 0.5, 1, 2}) {
            double shifted = Mmd.squared(x, N, Samples.gaussian(3, N, 2, shift), N, 2);
            assertTrue(shifted > previous + 0.02, "shift " + shift + ": " + shifted + " after " + previous);
            previous = shifted;
        }
    }

    @Test
    void unbiasedEstimatorByHandOnTwoPointSets() {
        // One bandwidth h = 1, 1-D: X = {0, 1}, Y = {0, 2}. k(0,1) = e^-½, k(0,2) = e^-2, k(1,2) = e^-½.
        double kxx = Math.exp(-0.5);
        double kyy = Math.exp(-2);
        double kxy = (1 + Math.exp(-2) + Math.exp(-0.5) + Math.exp(-0.5)) / 4;
        double expected = kxx + kyy - 2 * kxy;
        assertEquals(expected, Mmd.squared(new float[] {0, 1}, 2, new float[] {0, 2}, 2, 1, new double[] {1}), 1e-12);
    }
}
