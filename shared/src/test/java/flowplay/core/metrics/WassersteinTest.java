package flowplay.core.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WassersteinTest {
    private static final int N = 300;
    private static final int DIM = 3;
    private static final double[] DELTA = {0.7, -1.2, 0.4};
    private static final double DELTA_SQUARED = 0.49 + 1.44 + 0.16;

    @Test
    void exactW2OfATranslateIsTheSquaredShift() {
        float[] x = Samples.gaussian(1, N, DIM, 0);
        float[] y = Samples.translate(x, N, DIM, DELTA);
        assertEquals(DELTA_SQUARED, ExactW2.squared(x, N, y, N, DIM), 1e-5);
        assertEquals(DELTA_SQUARED, ExactW2.squared(x, N, Samples.permuteRows(y, N, DIM, 5), N, DIM), 1e-5);
        assertEquals(0, ExactW2.squared(x, N, Samples.permuteRows(x, N, DIM, 6), N, DIM), 1e-12);
    }

    @Test
    void exactW2RejectsUnequalOrHugeSets() {
        float[] x = Samples.gaussian(1, 10, 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactW2.squared(x, 10, x, 9, 2));
        assertEquals(true, e.getMessage().contains("equally sized"));
        float[] big = new float[2001 * 2];
        assertThrows(IllegalArgumentException.class, () -> ExactW2.squared(big, 2001, big, 2001, 2));
    }

    @Test
    void slicedOfATranslateIsTheMeanSquaredProjectedShift() {
        float[] x = Samples.gaussian(2, N, DIM, 0);
        float[] y = Samples.translate(x, N, DIM, DELTA);
        int k = 64;
        double[] theta = SlicedWasserstein.directions(DIM, k, 9);
        double expected = 0;
        for (int j = 0; j < k; j++) {
            double dot = 0;
            double norm = 0;
            for (int d = 0; d < DIM; d++) {
                dot += theta[j * DIM + d] * DELTA[d];
                norm += theta[j * DIM + d] * theta[j * DIM + d];
            }
            assertEquals(1, norm, 1e-12);
            expected += dot * dot / k;
        }
        assertEquals(expected, SlicedWasserstein.squared(x, N, y, N, DIM, k, 9), 1e-5);
        // Many directions: E[(θ·δ)²] = |δ|²/dim for θ uniform on the sphere.
        assertEquals(DELTA_SQUARED / DIM, SlicedWasserstein.squared(x, N, y, N, DIM, 5000, 3), 0.03 * DELTA_SQUARED / DIM);
    }

    @Test
    void slicedIsZeroForIdenticalSetsAndIgnoresOrder() {
        float[] x = Samples.gaussian(3, N, DIM, 0);
        float[] y = Samples.gaussian(4, N, DIM, 0.5);
        assertEquals(0, SlicedWasserstein.squared(x, N, Samples.permuteRows(x, N, DIM, 1), N, DIM), 0);
        assertEquals(SlicedWasserstein.squared(x, N, y, N, DIM),
                SlicedWasserstein.squared(Samples.permuteRows(x, N, DIM, 2), N, Samples.permuteRows(y, N, DIM, 3), N, DIM),
                1e-12);
    }

    @Test
    void slicedQuantileMatchesSetsOfDifferentSizes() {
        // In 1-D every direction is ±1. Quantiles of {0, 1} and {0, ½, 1} differ by ½ on (1/3, 2/3]: W2² = ¼·⅓.
        assertEquals(1.0 / 12, SlicedWasserstein.squared(new float[] {0, 1}, 2, new float[] {0.5f, 0, 1}, 3, 1), 1e-12);
        // A set and the same set listed twice are the same distribution.
        float[] x = Samples.gaussian(5, 50, 2, 0);
        float[] twice = new float[200];
        System.arraycopy(x, 0, twice, 0, 100);
        System.arraycopy(x, 0, twice, 100, 100);
        assertEquals(0, SlicedWasserstein.squared(x, 50, twice, 100, 2), 1e-12);
    }
}
