package flowplay.core.data;

/**
 * The UCI optical digits (training-data/digits/): 8×8 images of 17 grey levels (0 = white … 16 = black), each with its
 * class 0–9, as lines of 64 pixel values then the label. Pixels are scaled to [−1, 1] (level / 8 − 1), the range a flow
 * from N(0, I) noise reaches comfortably; {@link #level} undoes it.
 */
public final class Digits {
    public static final int SIDE = 8;
    public static final int PIXELS = SIDE * SIDE;
    public static final int LEVELS = 16;
    public static final int CLASSES = 10;

    private final float[] pixels;
    private final int[] labels;

    private Digits(float[] pixels, int[] labels) {
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * Reads the CSV: every non-blank line 65 whole numbers, pixels in [0, 16] and a label in [0, 9]. A bad line is
     * refused with its number and the fault, as for a user's points.
     */
    public static Digits parse(String text) {
        // Scanned by hand, not with String.split: the browser build (TeaVM) would pull in a regex engine for it.
        int capacity = 1;
        for (int k = 0; k < text.length(); k++) {
            capacity += text.charAt(k) == '\n' ? 1 : 0;
        }
        float[] pixels = new float[capacity * PIXELS];
        int[] labels = new int[capacity];
        int n = 0;
        int lineNumber = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            lineNumber++;
            String line = text.substring(start, end).trim();
            start = end + (end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
            if (line.isEmpty()) {
                continue;
            }
            if (n == labels.length) { // lone CR line ends, not counted above
                pixels = java.util.Arrays.copyOf(pixels, pixels.length * 2);
                labels = java.util.Arrays.copyOf(labels, labels.length * 2);
            }
            int field = 0;
            int from = 0;
            while (true) {
                int comma = line.indexOf(',', from);
                String value = (comma < 0 ? line.substring(from) : line.substring(from, comma)).trim();
                if (field > PIXELS) {
                    throw new PointsFormatException(lineNumber, "expected " + (PIXELS + 1) + " values (64 pixels and a label), found more");
                }
                int max = field < PIXELS ? LEVELS : CLASSES - 1;
                int v = wholeNumber(value, lineNumber, max, field < PIXELS ? "pixel " + (field + 1) : "the label");
                if (field < PIXELS) {
                    pixels[n * PIXELS + field] = v / (LEVELS / 2f) - 1f;
                } else {
                    labels[n] = v;
                }
                field++;
                if (comma < 0) {
                    break;
                }
                from = comma + 1;
            }
            if (field != PIXELS + 1) {
                throw new PointsFormatException(lineNumber, "expected " + (PIXELS + 1) + " values (64 pixels and a label), found " + field);
            }
            n++;
        }
        if (n == 0) {
            throw new PointsFormatException(0, "no digits: the text is empty");
        }
        return new Digits(java.util.Arrays.copyOf(pixels, n * PIXELS), java.util.Arrays.copyOf(labels, n));
    }

    private static int wholeNumber(String text, int line, int max, String what) {
        if (text.isEmpty() || text.length() > 2) {
            throw new PointsFormatException(line, what + ": '" + text + "' is not a whole number in [0, " + max + "]");
        }
        int v = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                throw new PointsFormatException(line, what + ": '" + text + "' is not a whole number in [0, " + max + "]");
            }
            v = v * 10 + (c - '0');
        }
        if (v > max) {
            throw new PointsFormatException(line, what + ": " + v + " is outside [0, " + max + "]");
        }
        return v;
    }

    public int size() {
        return labels.length;
    }

    /** Digit {@code i}'s 64 pixels in [−1, 1], row by row from the top left (a copy). */
    public float[] image(int i) {
        float[] image = new float[PIXELS];
        System.arraycopy(pixels, i * PIXELS, image, 0, PIXELS);
        return image;
    }

    /** Copies digit {@code i}'s 64 pixels into {@code out} from index {@code at}. */
    public void copy(int i, float[] out, int at) {
        System.arraycopy(pixels, i * PIXELS, out, at, PIXELS);
    }

    public int label(int i) {
        return labels[i];
    }

    /** A scaled pixel back to its grey level, rounded and clamped to [0, 16] (for a model's outputs too). */
    public static int level(float scaled) {
        int v = Math.round((scaled + 1f) * (LEVELS / 2f));
        return Math.max(0, Math.min(LEVELS, v));
    }
}
