package flowplay.core.metrics;

import flowplay.core.rng.Rng;

import java.util.Arrays;

/**
 * Sliced Wasserstein distance, squared: the mean over K random unit directions θ of W2²(θ·X, θ·Y), the 1-D squared
 * W2 between the projections. Directions are fixed by a seed so that values are comparable between runs.
 *
 * <p>In 1-D the optimal coupling is monotone, so W2² = ∫₀¹ (F⁻¹(u) − G⁻¹(u))² du of the two empirical quantile
 * functions; it is computed exactly by walking the merged steps of both, which is plain sorted matching for equal sizes
 * and quantile matching otherwise. For a translate Y = X + δ every slice gives (θ·δ)², so the value is about |δ|²/dim.
 */
public final class SlicedWasserstein {
    public static final int DEFAULT_DIRECTIONS = 128;
    public static final long DEFAULT_SEED = 0;

    private SlicedWasserstein() {
    }

    public static double squared(float[] x, int n, float[] y, int m, int dim) {
        return squared(x, n, y, m, dim, DEFAULT_DIRECTIONS, DEFAULT_SEED);
    }

    public static double squared(float[] x, int n, float[] y, int m, int dim, int directions, long seed) {
        if (n < 1 || m < 1 || directions < 1) {
            throw new IllegalArgumentException("need points in both sets and at least one direction");
        }
        double[] theta = directions(dim, directions, seed);
        double[] px = new double[n];
        double[] py = new double[m];
        double total = 0;
        for (int k = 0; k < directions; k++) {
            project(x, n, dim, theta, k, px);
            project(y, m, dim, theta, k, py);
            Arrays.sort(px);
            Arrays.sort(py);
            total += quantileW2(px, py);
        }
        return total / directions;
    }

    /**
     * The K unit directions used for {@code seed}, row-major K×dim: normalised standard Gaussians, which are uniform on
     * the sphere.
     */
    public static double[] directions(int dim, int directions, long seed) {
        Rng rng = new Rng(seed);
        double[] theta = new double[directions * dim];
        for (int k = 0; k < directions; k++) {
            double norm;
            do {
                norm = 0;
                for (int d = 0; d < dim; d++) {
                    double g = rng.nextGaussian();
                    theta[k * dim + d] = g;
                    norm += g * g;
                }
            } while (norm == 0);
            norm = Math.sqrt(norm);
            for (int d = 0; d < dim; d++) {
                theta[k * dim + d] /= norm;
            }
        }
        return theta;
    }

    private static void project(float[] x, int n, int dim, double[] theta, int k, double[] out) {
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int d = 0; d < dim; d++) {
                dot += x[i * dim + d] * theta[k * dim + d];
            }
            out[i] = dot;
        }
    }

    /** ∫₀¹ (F⁻¹ − G⁻¹)² for sorted samples; step boundaries compared as integers (i/n vs j/m scaled by n·m). */
    static double quantileW2(double[] a, double[] b) {
        long n = a.length;
        long m = b.length;
        int i = 0;
        int j = 0;
        long at = 0;
        double sum = 0;
        while (i < n && j < m) {
            long endA = (i + 1) * m;
            long endB = (j + 1) * n;
            long end = Math.min(endA, endB);
            double diff = a[i] - b[j];
            sum += (end - at) * diff * diff;
            at = end;
            if (endA == end) {
                i++;
            }
            if (endB == end) {
                j++;
            }
        }
        return sum / ((double) n * m);
    }
}
