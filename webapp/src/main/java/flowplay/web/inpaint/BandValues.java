package flowplay.web.inpaint;

/**
 * The data's own answer to the inpainting: the free coordinate of the data points within a band |x_fixed − c| &lt; band
 * of the line, an empirical sample of p(free | fixed ≈ c) to hold the model's histogram against.
 */
public final class BandValues {
    private BandValues() {
    }

    /** The free coordinate of the points (n×2) near the line, in their order. */
    public static float[] near(float[] points, int n, FixedLine line, double band) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (inside(points, i, line, band)) {
                count++;
            }
        }
        float[] out = new float[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (inside(points, i, line, band)) {
                out[k++] = points[2 * i + line.free()];
            }
        }
        return out;
    }

    private static boolean inside(float[] points, int i, FixedLine line, double band) {
        return Math.abs(points[2 * i + line.axis()] - line.value()) < band;
    }

    /** The free coordinate of each of n points (n×2). */
    public static float[] free(float[] points, int n, FixedLine line) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = points[2 * i + line.free()];
        }
        return out;
    }
}
