package flowplay.core.metrics;

/**
 * Squared maximum mean discrepancy with a mixture of Gaussian RBF kernels, k(x, y) = Σ_b exp(−|x − y|² / (2h_b²)),
 * by the <b>unbiased</b> U-statistic estimator (Gretton et al. 2012, eq. 3):
 * MMD²_u = Σ_{i≠i'} k(x_i, x_i')/(n(n−1)) + Σ_{j≠j'} k(y_j, y_j')/(m(m−1)) − 2 Σ_{i,j} k(x_i, y_j)/(nm).
 * Unbiased means its mean is the true MMD² — so for equal distributions it scatters around 0 and can be slightly
 * negative.
 *
 * <p>The default bandwidths are fixed rather than set from the data (median heuristic) so that numbers from different
 * runs are measured with the same kernel; they span the scales of the built-in data sets (unit-ish, a few units wide).
 * Several bandwidths keep the metric sensitive both to a shift of the bulk and to fine structure.
 */
public final class Mmd {
    public static final double[] DEFAULT_BANDWIDTHS = {0.05, 0.1, 0.2, 0.5, 1, 2, 5};

    private Mmd() {
    }

    public static double squared(float[] x, int n, float[] y, int m, int dim) {
        return squared(x, n, y, m, dim, DEFAULT_BANDWIDTHS);
    }

    public static double squared(float[] x, int n, float[] y, int m, int dim, double[] bandwidths) {
        if (n < 2 || m < 2) {
            throw new IllegalArgumentException("the unbiased MMD needs at least 2 points per set, had " + n + " and " + m);
        }
        if (bandwidths.length == 0) {
            throw new IllegalArgumentException("need at least one bandwidth");
        }
        double[] scale = new double[bandwidths.length];
        for (int b = 0; b < bandwidths.length; b++) {
            if (!(bandwidths[b] > 0)) {
                throw new IllegalArgumentException("bandwidths must be positive, was " + bandwidths[b]);
            }
            scale[b] = -1.0 / (2 * bandwidths[b] * bandwidths[b]);
        }
        double xx = kernelSum(x, n, x, n, dim, scale, true) / ((double) n * (n - 1));
        double yy = kernelSum(y, m, y, m, dim, scale, true) / ((double) m * (m - 1));
        double xy = kernelSum(x, n, y, m, dim, scale, false) / ((double) n * m);
        return xx + yy - 2 * xy;
    }

    private static double kernelSum(float[] a, int n, float[] b, int m, int dim, double[] scale, boolean skipDiagonal) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (skipDiagonal && i == j) {
                    continue;
                }
                double sq = 0;
                for (int d = 0; d < dim; d++) {
                    double diff = (double) a[i * dim + d] - b[j * dim + d];
                    sq += diff * diff;
                }
                for (double s : scale) {
                    total += Math.exp(s * sq);
                }
            }
        }
        return total;
    }
}
