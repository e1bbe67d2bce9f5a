package flowplay.web.inpaint;

/**
 * The observation of a 2-D inpainting: coordinate {@code axis} (0 = x, 1 = y) is known and equals {@code value}; the
 * other one is inpainted. On the plot it is the line x = c (vertical) or y = c (horizontal).
 */
public record FixedLine(int axis, float value) {
    /** Values are kept to this many decimals, so the value shown is the value observed, bit for bit. */
    public static final int DECIMALS = 2;

    public FixedLine {
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException("axis must be 0 (x) or 1 (y), was " + axis);
        }
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("the fixed value must be a finite number, was " + value);
        }
        value = float32(value);
    }

    /**
     * The value as a float in the browser too: TeaVM keeps float fields and locals as JavaScript doubles (a cast does
     * not round), but a float[] is a Float32Array, so the points hold the float nearest to c while an unrounded field
     * would still be c itself — 0.49 and its float differ by 1e-8. The float's bits round as the JVM does.
     */
    private static float float32(float v) {
        return Float.intBitsToFloat(Float.floatToIntBits(v));
    }

    /** The line at a value rounded to {@link #DECIMALS} decimals (what a click or a typed number becomes). */
    public static FixedLine at(int axis, double value) {
        double scale = Math.pow(10, DECIMALS);
        return new FixedLine(axis, (float) (Math.round(value * scale) / scale));
    }

    /** "x" or "y". */
    public static String name(int axis) {
        return axis == 0 ? "x" : "y";
    }

    /** The axis named "x" or "y"; −1 for anything else. */
    public static int axisOf(String name) {
        return "x".equals(name) ? 0 : "y".equals(name) ? 1 : -1;
    }

    /** The inpainted coordinate. */
    public int free() {
        return 1 - axis;
    }

    public FixedLine withValue(double v) {
        return at(axis, v);
    }

    /** The observation masks of n points (n×2, 1 = observed): the fixed coordinate of every point. */
    public float[] mask(int n) {
        float[] m = new float[2 * n];
        for (int i = 0; i < n; i++) {
            m[2 * i + axis] = 1f;
        }
        return m;
    }

    /** x1 as far as it is known: the fixed coordinate of every point is the value, the other one is never read. */
    public float[] observed(int n) {
        float[] x1 = new float[2 * n];
        for (int i = 0; i < n; i++) {
            x1[2 * i + axis] = value;
        }
        return x1;
    }
}
