package flowplay.web.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.path.GaussianOracle;
import flowplay.core.path.scheduler.CondOt;
import org.junit.jupiter.api.Test;

/** Both painters stretch this image over the box, so its orientation and alpha ramp decide what either shows. */
class HeatmapImageTest {

    @Test
    void peakIsOpaqueEmptyCellsAreTransparentAndRowZeroIsTheTop() {
        // A Gaussian in the upper-left quadrant: its peak must land in the image's top half, left side.
        GaussianOracle oracle = new GaussianOracle(new double[] {-1.5, 1.5}, 0.5, new CondOt());
        FieldGrid grid = new FieldGrid(16, 4);
        DensityMap d = DensityMap.compute(oracle, grid, new double[] {0, 1}, 16);
        byte[] rgba = new HeatmapImage().of(d);
        int m = grid.size();
        assertEquals(4 * m * m, rgba.length);

        int peak = 0;
        for (int i = 1; i < m * m; i++) {
            if ((rgba[4 * i + 3] & 0xff) > (rgba[4 * peak + 3] & 0xff)) {
                peak = i;
            }
        }
        assertEquals(Math.round(255 * HeatmapImage.MAX_ALPHA), rgba[4 * peak + 3] & 0xff, "the densest cell is capped");
        assertTrue(peak / m < m / 2 && peak % m < m / 2, "peak at image row " + peak / m + ", column " + peak % m);
        int bottomRight = m * m - 1;
        assertEquals(0, rgba[4 * bottomRight + 3] & 0xff, "an empty corner is transparent");
    }
}
