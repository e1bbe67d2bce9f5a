package flowplay.core.data;

import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointsDatasetTest {
    private static final float[] POINTS = {0, 0, 1, 0, 0, 2};

    @Test
    void resamplesTheFixedPointsUniformly() {
        float[] source = POINTS.clone();
        PointsDataset d = new PointsDataset(source, 0);
        source[0] = 99; // copied, not shared
        int n = 30_000;
        float[] xy = new float[2 * n];
        d.sample(new Rng(1), n, xy);
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            int k = -1;
            for (int j = 0; j < 3; j++) {
                if (xy[2 * i] == POINTS[2 * j] && xy[2 * i + 1] == POINTS[2 * j + 1]) {
                    k = j;
                }
            }
            assertTrue(k >= 0, "sampled a point that is not one of the set");
            counts[k]++;
        }
        for (int c : counts) {
            assertEquals(1.0 / 3, (double) c / n, 0.015);
        }
        assertEquals(3, d.size());
        assertEquals("points", d.name());
    }

    @Test
    void jitterIsGaussianAroundThePoints() {
        double sigma = 0.05;
        PointsDataset d = new PointsDataset(new float[] {1, -1}, sigma);
        int n = 50_000;
        float[] xy = new float[2 * n];
        d.sample(new Rng(2), n, xy);
        double sx = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i] - 1;
            sx += dx;
            sxx += dx * dx;
        }
        assertEquals(0, sx / n, 0.002);
        assertEquals(sigma, Math.sqrt(sxx / n), 0.002);
    }

    @Test
    void sameSeedSameSamples() {
        float[] a = new float[200];
        float[] b = new float[200];
        new PointsDataset(POINTS, 0.02).sample(new Rng(5), 100, a);
        new PointsDataset(POINTS, 0.02).sample(new Rng(5), 100, b);
        assertArrayEquals(a, b);
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new PointsDataset(new float[0], 0));
        assertThrows(IllegalArgumentException.class, () -> new PointsDataset(new float[] {1, 2, 3}, 0));
        assertThrows(IllegalArgumentException.class, () -> new PointsDataset(new float[] {1, Float.NaN}, 0));
        assertThrows(IllegalArgumentException.class, () -> new PointsDataset(POINTS, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new PointsDataset(POINTS, Double.NaN));
    }

    @Test
    void parsedPointsFeedTheDataset() {
        PointsDataset d = new PointsDataset(PointsParser.parse("x,y\n0,0\n1,0\n0,2\n", 100, 1000), 0);
        assertEquals(3, d.size());
    }
}
