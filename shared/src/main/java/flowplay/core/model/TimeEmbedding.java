package flowplay.core.model;

/**
 * How t enters the network. {@code linear}: t itself, one input. {@code fourier(k)}: t and the k harmonics
 * sin(2π·j·t), cos(2π·j·t) for j = 1..k, 1 + 2k inputs — a small MLP fits a velocity that changes quickly in t (near a
 * singular end of the path, or for many-mode data) much more easily from these than from t alone. The id is what a
 * checkpoint's {@code flowplay.model} stores as {@code time}, so the browser rebuilds exactly the same inputs.
 */
public final class TimeEmbedding {
    public static final int MAX_FREQUENCIES = 64;
    public static final TimeEmbedding LINEAR = new TimeEmbedding(0);

    private final int frequencies;

    private TimeEmbedding(int frequencies) {
        this.frequencies = frequencies;
    }

    public static TimeEmbedding fourier(int k) {
        if (k < 1 || k > MAX_FREQUENCIES) {
            throw new IllegalArgumentException("fourier time features need k in [1, " + MAX_FREQUENCIES + "], was " + k);
        }
        return new TimeEmbedding(k);
    }

    /** Reads "linear" or "fourier(k)"; throws IllegalArgumentException naming both forms otherwise. */
    public static TimeEmbedding parse(String id) {
        if ("linear".equals(id)) {
            return LINEAR;
        }
        if (id != null && id.startsWith("fourier(") && id.endsWith(")")) {
            String k = id.substring("fourier(".length(), id.length() - 1);
            try {
                return fourier(Integer.parseInt(k.trim()));
            } catch (IllegalArgumentException e) {
                // not a number or out of range: the message below says what is accepted
            }
        }
        throw new IllegalArgumentException("time input '" + id + "' is not supported: linear or fourier(k) with k in [1, "
                + MAX_FREQUENCIES + "]");
    }

    public String id() {
        return frequencies == 0 ? "linear" : "fourier(" + frequencies + ")";
    }

    /** Harmonics k; 0 for linear. */
    public int frequencies() {
        return frequencies;
    }

    /** Network inputs this embedding takes. */
    public int size() {
        return 1 + 2 * frequencies;
    }

    /** Writes the {@link #size()} features of t at {@code out[offset..]}. */
    public void write(double t, float[] out, int offset) {
        out[offset] = (float) t;
        for (int j = 1; j <= frequencies; j++) {
            double angle = 2 * Math.PI * j * t;
            out[offset + 2 * j - 1] = (float) Math.sin(angle);
            out[offset + 2 * j] = (float) Math.cos(angle);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeEmbedding other && other.frequencies == frequencies;
    }

    @Override
    public int hashCode() {
        return frequencies;
    }

    @Override
    public String toString() {
        return id();
    }
}
