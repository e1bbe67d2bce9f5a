package flowplay.web.render;

/**
 * The square of the plane both renderers show: [-3, 3]², which holds the source N(0, I), widened in whole units for a
 * data set that reaches further (checkerboard spans [-4, 4]²). It depends on the data set only, not on the samples, so
 * successive checkpoints of a run are drawn in the same box and can be compared by eye.
 */
public final class ViewBox {
    public static final double HALF_EXTENT = 3.0;

    /** The half extent for a data set, from its reference points (n rows of x, y): at least 3, 5% margin, whole units. */
    public static double fitting(float[] points, int n) {
        double reach = 0;
        for (int i = 0; i < 2 * n; i++) {
            reach = Math.max(reach, Math.abs(points[i]));
        }
        return Math.max(HALF_EXTENT, Math.ceil(1.05 * reach));
    }

    /** Grid lines every this many units. */
    public static final double GRID = 1.0;

    private ViewBox() {
    }
}
