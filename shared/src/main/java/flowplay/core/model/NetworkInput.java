package flowplay.core.model;

/**
 * The row layout every network here reads: concat(x, c, τ(t)) with x ∈ R^dim, the per-point condition c (an inpainting
 * mask, or nothing) and the time features τ(t). Training and sampling — on the server and in the browser — build their
 * rows with this one class, so they cannot disagree about the layout.
 */
public record NetworkInput(int dim, int conditionDim, TimeEmbedding time) {
    /** Inputs per row. */
    public int width() {
        return dim + conditionDim + time.size();
    }

    /** Rows for n points all at time t. {@code condition} may be null when conditionDim is 0. */
    public void fill(float[] x, float[] condition, double t, int n, float[] out) {
        int width = width();
        for (int i = 0; i < n; i++) {
            copyRow(x, condition, i, out);
            time.write(t, out, i * width + dim + conditionDim);
        }
    }

    /** Rows for n points, point i at time t[i]. */
    public void fill(float[] x, float[] condition, float[] t, int n, float[] out) {
        int width = width();
        for (int i = 0; i < n; i++) {
            copyRow(x, condition, i, out);
            time.write(t[i], out, i * width + dim + conditionDim);
        }
    }

    private void copyRow(float[] x, float[] condition, int i, float[] out) {
        int at = i * width();
        System.arraycopy(x, i * dim, out, at, dim);
        if (conditionDim > 0) {
            System.arraycopy(condition, i * conditionDim, out, at + dim, conditionDim);
        }
    }
}
