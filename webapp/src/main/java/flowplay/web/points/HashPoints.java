package flowplay.web.points;

/**
 * A small point set in the URL hash ({@code #…&points=…}), so that a link reproduces a drawing: each coordinate
 * rounded to {@link #QUANTUM}, stored as a 16-bit integer in three URL-safe base-64 characters, after a version mark.
 * 500 points take 3 KB. Larger sets, or coordinates beyond ±327, are not put in the link (the page says so).
 */
public final class HashPoints {
    /** The hash key. */
    public static final String KEY = "points";
    public static final int MAX_POINTS = 500;
    public static final double QUANTUM = 0.01;
    private static final String VERSION = "1";
    private static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final int OFFSET = 32768;
    private static final int CHARS = 3;

    private HashPoints() {
    }

    /** The hash value for the first n points, or null when they do not fit a link. */
    public static String encode(float[] xy, int n) {
        if (n > MAX_POINTS) {
            return null;
        }
        StringBuilder sb = new StringBuilder(VERSION.length() + 2 * n * CHARS);
        sb.append(VERSION);
        for (int i = 0; i < 2 * n; i++) {
            long q = Math.round(xy[i] / QUANTUM) + OFFSET;
            if (q < 0 || q > 0xffff) {
                return null;
            }
            int v = (int) q;
            sb.append(DIGITS.charAt(v >> 12)).append(DIGITS.charAt((v >> 6) & 63)).append(DIGITS.charAt(v & 63));
        }
        return sb.toString();
    }

    /** The points of a hash value (row-major x, y, rounded to the quantum); IllegalArgumentException when damaged. */
    public static float[] decode(String text) {
        if (!text.startsWith(VERSION) || (text.length() - VERSION.length()) % (2 * CHARS) != 0) {
            throw new IllegalArgumentException("not a points value of this page (" + text.length() + " characters)");
        }
        int values = (text.length() - VERSION.length()) / CHARS;
        if (values / 2 > MAX_POINTS) {
            throw new IllegalArgumentException("more than " + MAX_POINTS + " points");
        }
        float[] xy = new float[values];
        for (int i = 0; i < values; i++) {
            int at = VERSION.length() + i * CHARS;
            int v = 0;
            for (int k = 0; k < CHARS; k++) {
                int d = DIGITS.indexOf(text.charAt(at + k));
                if (d < 0) {
                    throw new IllegalArgumentException("'" + text.charAt(at + k) + "' at character " + (at + k + 1) + " is not part of the code");
                }
                v = v * 64 + d;
            }
            if (v > 0xffff) {
                throw new IllegalArgumentException("value " + (i + 1) + " is out of range");
            }
            xy[i] = (float) ((v - OFFSET) * QUANTUM);
        }
        return xy;
    }

    /** A coordinate as the link keeps it, so that a drawing and its link hold the same points. */
    public static float round(double v) {
        return (float) (Math.round(v / QUANTUM) * QUANTUM);
    }
}
