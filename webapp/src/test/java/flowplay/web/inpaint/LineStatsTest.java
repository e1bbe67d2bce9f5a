package flowplay.web.inpaint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineStatsTest {
    private final float[] points = {0.5f, 1f, 0.5f, 3f, 0.52f, -1f, 2f, 7f};

    @Test
    void statisticsOfTheFreeCoordinateAndTheLargestDeviationFromTheLine() {
        LineStats s = LineStats.of(points, 3, FixedLine.at(0, 0.5));
        assertEquals(3, s.count());
        assertEquals(0.52f - 0.5f, s.maxDeviation(), 1e-9);
        assertEquals(1.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(8.0 / 3), s.std(), 1e-12);
        float[] broken = {Float.NaN, 1f};
        assertEquals(Double.POSITIVE_INFINITY, LineStats.of(broken, 1, FixedLine.at(0, 0)).maxDeviation());
    }

    @Test
    void theDataNearTheLineIsItsBandsFreeCoordinate() {
        assertArrayEquals(new float[] {1f, 3f, -1f}, BandValues.near(points, 4, FixedLine.at(0, 0.5), 0.05));
        assertArrayEquals(new float[] {1f, 3f}, BandValues.near(points, 4, FixedLine.at(0, 0.5), 0.01));
        assertArrayEquals(new float[] {2f}, BandValues.near(points, 4, FixedLine.at(1, 6.9), 0.2));
    }

    @Test
    void histogramBarsAreDensitiesOverAllValues() {
        Histogram h = Histogram.of(new float[] {0.1f, 0.2f, 0.6f, 5f}, 4, 0, 1, 2);
        // Bin width 0.5: two of four values in [0, 0.5), one in [0.5, 1), one outside.
        assertArrayEquals(new double[] {1.0, 0.5}, h.density(), 1e-12);
        assertEquals(1.0, h.max(), 1e-12);
    }

    @Test
    void aLineKeepsItsValueToTwoDecimals() {
        assertEquals(0.37f, FixedLine.at(0, 0.3712).value());
        assertEquals(-1.25f, FixedLine.at(1, -1.2549).value());
        assertEquals(1, FixedLine.at(0, 0).free());
    }
}
