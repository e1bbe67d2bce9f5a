package flowplay.core.data;

/**
 * The rules for a user's own points (the data set choice {@value #NAME}), drawn in the page or uploaded as CSV: the
 * same limits in the browser, the HTTP API and the command line, and one text that says them.
 */
public final class UserPoints {
    /** The {@code dataset} choice that trains on the points sent with the run. */
    public static final String NAME = "points";
    public static final int MIN_POINTS = PointsParser.MIN_POINTS;
    public static final int MAX_POINTS = 20_000;
    /** The largest CSV text accepted, in UTF-8 bytes (20 000 points at full float precision fit in about half). */
    public static final int MAX_BYTES = 1 << 20;
    /**
     * Std of the Gaussian noise added to each coordinate of a sampled point: a kernel density estimate of the points
     * rather than their spikes, small against the page's [−3, 3]² view.
     */
    public static final double JITTER = 0.03;
    /** What the {@code points} field accepts, for error messages. */
    public static final String ALLOWED = MIN_POINTS + " to " + MAX_POINTS + " points (x, y) of finite numbers, "
            + "as CSV lines x,y or a JSON array of [x, y] pairs, at most " + MAX_BYTES + " bytes";

    private UserPoints() {
    }

    /** CSV text to row-major (x, y) points under these limits, or a {@link PointsFormatException} naming the line. */
    public static float[] parse(String csv) {
        return PointsParser.parse(csv, MAX_POINTS, MAX_BYTES);
    }

    /**
     * Checks points that arrived another way (a JSON array) against the same rules; returns null when they pass,
     * otherwise the fault, naming the 1-based point.
     */
    public static String problem(float[] xy) {
        if (xy.length % 2 != 0) {
            return "expected (x, y) pairs, got " + xy.length + " values";
        }
        int n = xy.length / 2;
        if (n < MIN_POINTS) {
            return "too few points: " + n + " < " + MIN_POINTS;
        }
        if (n > MAX_POINTS) {
            return "too many points: " + n + " > " + MAX_POINTS;
        }
        for (int i = 0; i < xy.length; i++) {
            if (!Float.isFinite(xy[i])) {
                return "point " + (i / 2 + 1) + ": " + xy[i] + " is not a finite number";
            }
        }
        return null;
    }
}
