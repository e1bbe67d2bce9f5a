package flowplay.core.coupling;

/** The n×m matrix |a_i − b_j|² in double, shared by the OT couplings and the exact W2 metric. */
public final class SquaredDistances {
    private SquaredDistances() {
    }

    /** Row i is point i of {@code a}, column j point j of {@code b}; row-major n×m. */
    public static double[] between(float[] a, int n, float[] b, int m, int dim) {
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            int ai = i * dim;
            for (int j = 0; j < m; j++) {
                int bj = j * dim;
                double sum = 0;
                for (int d = 0; d < dim; d++) {
                    double diff = (double) a[ai + d] - b[bj + d];
                    sum += diff * diff;
                }
                out[i * m + j] = sum;
            }
        }
        return out;
    }
}
