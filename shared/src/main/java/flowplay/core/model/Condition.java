package flowplay.core.model;

/**
 * What a network is conditioned on besides x and t, laid out between them in its input row: first the inpainting
 * mask m ∈ {0,1}^dim when {@code mask} (1 = observed, from the dependent coupling), then a one-hot class label of
 * {@code classes} entries when class-conditional. The all-zero one-hot is the "no label" token ∅ that label dropout
 * trains, so one network gives both u(x, t | c) and u(x, t | ∅) for classifier-free guidance.
 *
 * <p>The id is what a checkpoint stores as {@code condition}: "none", "mask", "classes(k)" or "mask+classes(k)".
 */
public record Condition(boolean mask, int classes) {
    public static final Condition NONE = new Condition(false, 0);
    public static final Condition MASK = new Condition(true, 0);
    public static final int MAX_CLASSES = 1000;
    /** A label that selects the "no label" token ∅. */
    public static final int NO_LABEL = -1;

    public Condition {
        if (classes < 0 || classes > MAX_CLASSES) {
            throw new IllegalArgumentException("classes must be in [0, " + MAX_CLASSES + "], was " + classes);
        }
    }

    public static Condition classes(int classes) {
        return new Condition(false, classes);
    }

    public Condition withMask(boolean on) {
        return new Condition(on, classes);
    }

    public boolean labelled() {
        return classes > 0;
    }

    /** Inputs per row between x ∈ R^dim and τ(t). */
    public int width(int dim) {
        return (mask ? dim : 0) + classes;
    }

    public String id() {
        if (!mask && classes == 0) {
            return "none";
        }
        String labels = "classes(" + classes + ")";
        return mask ? (classes == 0 ? "mask" : "mask+" + labels) : labels;
    }

    /** Reads an {@link #id()}; throws IllegalArgumentException naming the accepted forms otherwise. */
    public static Condition parse(String id) {
        if ("none".equals(id)) {
            return NONE;
        }
        if ("mask".equals(id)) {
            return MASK;
        }
        boolean mask = id != null && id.startsWith("mask+");
        String labels = mask ? id.substring("mask+".length()) : id;
        if (labels != null && labels.startsWith("classes(") && labels.endsWith(")")) {
            try {
                int k = Integer.parseInt(labels.substring("classes(".length(), labels.length() - 1).trim());
                if (k >= 1 && k <= MAX_CLASSES) {
                    return new Condition(mask, k);
                }
            } catch (NumberFormatException e) {
                // falls through to the message naming the accepted forms
            }
        }
        throw unsupported(id);
    }

    private static IllegalArgumentException unsupported(String id) {
        return new IllegalArgumentException("condition '" + id + "' is not supported: none, mask, classes(k) or mask+classes(k) with k in [1, "
                + MAX_CLASSES + "]");
    }

    /**
     * The condition rows for n points: row i is concat(mask row i, onehot(labels[i])). {@code mask} may be null (nothing
     * observed: zeros) and so may {@code labels} (every point ∅); a label of {@link #NO_LABEL} is ∅.
     */
    public void fill(float[] mask, int[] labels, int n, int dim, float[] out) {
        int width = width(dim);
        for (int i = 0; i < n; i++) {
            int at = i * width;
            int m = 0;
            if (this.mask) {
                for (; m < dim; m++) {
                    out[at + m] = mask == null ? 0f : mask[i * dim + m];
                }
            }
            for (int c = 0; c < classes; c++) {
                out[at + m + c] = 0f;
            }
            int label = labels == null ? NO_LABEL : labels[i];
            if (classes > 0 && label != NO_LABEL) {
                if (label < 0 || label >= classes) {
                    throw new IllegalArgumentException("label " + label + " of point " + i + " is not in [0, " + (classes - 1) + "]");
                }
                out[at + m + label] = 1f;
            }
        }
    }
}
