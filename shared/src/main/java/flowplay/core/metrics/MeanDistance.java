package flowplay.core.metrics;

/** Mean Euclidean distance over ordered pairs, in double. */
final class MeanDistance {
    private MeanDistance() {
    }

    /** Over all n·m pairs (a_i, b_j). */
    static double between(float[] a, int n, float[] b, int m, int dim) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += rowSum(a, i, b, 0, m, dim);
        }
        return total / ((double) n * m);
    }

    /**
     * Over all n² pairs of one set, the zero diagonal included: each unordered pair is summed once and counted twice,
     * half the work of {@code between(a, n, a, n, dim)} — the energy distance's within-set terms are most of its cost.
     */
    static double within(float[] a, int n, int dim) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += rowSum(a, i, a, i + 1, n, dim);
        }
        return 2 * total / ((double) n * n);
    }

    private static double rowSum(float[] a, int i, float[] b, int from, int to, int dim) {
        double row = 0;
        if (dim == 2) {
            // The playground's case, unrolled: this loop is the strip metric's whole cost in the browser.
            double ax = a[2 * i];
            double ay = a[2 * i + 1];
            for (int j = from; j < to; j++) {
                double dx = ax - b[2 * j];
                double dy = ay - b[2 * j + 1];
                row += Math.sqrt(dx * dx + dy * dy);
            }
            return row;
        }
        for (int j = from; j < to; j++) {
            double sum = 0;
            for (int d = 0; d < dim; d++) {
                double diff = (double) a[i * dim + d] - b[j * dim + d];
                sum += diff * diff;
            }
            row += Math.sqrt(sum);
        }
        return row;
    }
}
