package flowplay.core.metrics;

/** Mean Euclidean distance over all n·m ordered pairs, in double. */
final class MeanDistance {
    private MeanDistance() {
    }

    static double between(float[] a, int n, float[] b, int m, int dim) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int d = 0; d < dim; d++) {
                    double diff = (double) a[i * dim + d] - b[j * dim + d];
                    sum += diff * diff;
                }
                row += Math.sqrt(sum);
            }
            total += row;
        }
        return total / ((double) n * m);
    }
}
