package flowplay.web.render;

/**
 * What one picture shows, as flat row-major (x, y) arrays straight from the sampler, so nothing is copied per point
 * before a renderer packs it for its API.
 */
public final class Scene {
    /** The data set's own points (drawn faint); may be empty. */
    public float[] reference = new float[0];
    public int referenceCount;
    /**
     * True when the reference is a set of given points (a file data set's, or the user's) rather than a sample of a
     * built-in: few points, each of which matters, drawn larger and brighter ({@link Palette#POINTS}).
     */
    public boolean givenPoints;

    /** Model samples at t = 1; may be empty (before the first checkpoint). */
    public float[] samples = new float[0];
    public int sampleCount;

    /**
     * Trajectory frames: frame k (t = k / (frames − 1)) starts at k·stride·2 and holds {@code stride} points, of which
     * the first {@code paths} are drawn.
     */
    public float[] trajectory;
    public int frames;
    public int stride;
    public int paths;

    /** The box drawn is [-halfExtent, halfExtent]²: see {@link ViewBox}. */
    public double halfExtent = ViewBox.HALF_EXTENT;

    public boolean hasTrajectories() {
        return trajectory != null && frames > 1 && paths > 0;
    }
}
