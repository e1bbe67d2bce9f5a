package flowplay.web.render;

/**
 * The fixed square of the plane both renderers show, [-3, 3]²: the source N(0, I) and all the 2-D data sets fit, and a
 * fixed box lets successive checkpoints be compared by eye.
 */
public final class ViewBox {
    public static final double HALF_EXTENT = 3.0;

    /** Grid lines every this many units. */
    public static final double GRID = 1.0;

    private ViewBox() {
    }
}
