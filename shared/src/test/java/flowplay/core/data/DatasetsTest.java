package flowplay.core.data;

import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatasetsTest {
    private static double[] meanStd(float[] xy, int n, int axis) {
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            sum += xy[2 * i + axis];
            sum2 += xy[2 * i + axis] * xy[2 * i + axis];
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(sum2 / n - mean * mean)};
    }

    @Test
    void moonsHasTheClosedFormMoments() {
        int n = 100_000;
        float[] xy = new float[2 * n];
        Datasets.byName("moons").sample(new Rng(0), n, xy);
        // Half circles: E[cos]=0, E[sin]=2/π; x: mean 1/2, var 3/4; y: mean 1/4, var 1/2·(1/2) + 1/2·(3/4 − 2/π) − 1/16.
        double[] x = meanStd(xy, n, 0);
        double[] y = meanStd(xy, n, 1);
        double varY = 0.25 + 0.5 * (0.75 - 2 / Math.PI) - 0.0625 + 0.05 * 0.05;
        assertEquals(0.5, x[0], 0.01);
        assertEquals(Math.sqrt(0.75 + 0.0025), x[1], 0.01);
        assertEquals(0.25, y[0], 0.01);
        assertEquals(Math.sqrt(varY), y[1], 0.01);
    }

    @Test
    void circlesAndEightGaussiansAreCentred() {
        int n = 50_000;
        float[] xy = new float[2 * n];
        for (String name : new String[] {"circles", "8gaussians"}) {
            Datasets.byName(name).sample(new Rng(1), n, xy);
            assertEquals(0, meanStd(xy, n, 0)[0], 0.03, name);
            assertEquals(0, meanStd(xy, n, 1)[0], 0.03, name);
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.byName("spiral"));
        assertEquals("unknown data set 'spiral'; one of moons, circles, 8gaussians, 25gaussians, checkerboard, 2spirals,"
                + " swissroll, pinwheel, uniform", e.getMessage());
    }
}
