package flowplay.core.coupling;

/** Row gathering for row-major point batches. */
final class Rows {
    private Rows() {
    }

    /** x[i] ← old x[source[i]] for every row; a copy is taken first because source may repeat or cycle rows. */
    static void gather(float[] x, int[] source, int n, int dim) {
        float[] old = new float[n * dim];
        System.arraycopy(x, 0, old, 0, n * dim);
        for (int i = 0; i < n; i++) {
            System.arraycopy(old, source[i] * dim, x, i * dim, dim);
        }
    }
}
