package flowplay.web.render;

/**
 * Colours shared by both renderers, so the picture (and the legend in index.html) does not depend on the renderer.
 * Time runs from sky blue (t = 0, noise) over violet and pink to amber (t = 1, data) on a dark background.
 */
public final class Palette {
    /** Canvas background, RGB in [0, 1]. */
    public static final float[] BACKGROUND = {0.059f, 0.090f, 0.165f};
    public static final float[] GRID = {1f, 1f, 1f, 0.07f};
    public static final float[] AXIS = {1f, 1f, 1f, 0.16f};
    /** The data set's own points: faint, so the samples stand out against them. */
    public static final float[] REFERENCE = {0.85f, 0.88f, 0.95f, 0.35f};
    /** Given points (a file data set's, the user's): fewer, so drawn brighter, at {@link #POINTS_SCALE} times the size. */
    public static final float[] POINTS = {0.85f, 0.88f, 0.95f, 0.7f};
    public static final float POINTS_SCALE = 2.2f;
    public static final float TRAJECTORY_ALPHA = 0.35f;
    public static final float SAMPLE_ALPHA = 0.8f;

    private static final float[][] STOPS = {
        {0.220f, 0.741f, 0.973f}, // t = 0
        {0.655f, 0.545f, 0.980f},
        {0.957f, 0.447f, 0.714f},
        {0.984f, 0.749f, 0.141f}, // t = 1
    };

    private Palette() {
    }

    /** The colour of time t in [0, 1], written as RGB into out[offset..offset+2]. */
    public static void time(double t, float[] out, int offset) {
        double x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(x));
        float f = (float) (x - i);
        for (int c = 0; c < 3; c++) {
            out[offset + c] = STOPS[i][c] + (STOPS[i + 1][c] - STOPS[i][c]) * f;
        }
    }

    /** CSS colour text for Canvas2D, e.g. "rgba(56,189,248,0.350)". */
    public static String css(float r, float g, float b, float a) {
        return "rgba(" + Math.round(r * 255) + "," + Math.round(g * 255) + "," + Math.round(b * 255) + ","
                + flowplay.web.ui.Format.fixed(a, 3) + ")";
    }

    public static String css(float[] rgba) {
        return css(rgba[0], rgba[1], rgba[2], rgba.length > 3 ? rgba[3] : 1f);
    }
}
