package flowplay.core.metrics;

import flowplay.core.rng.Rng;

/** Test point sets. */
final class Samples {
    private Samples() {
    }

    /** n points of N(shift, I) in dim dimensions. */
    static float[] gaussian(long seed, int n, int dim, double shift) {
        Rng rng = new Rng(seed);
        float[] out = new float[n * dim];
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) (rng.nextGaussian() + shift);
        }
        return out;
    }

    static float[] translate(float[] x, int n, int dim, double[] delta) {
        float[] out = new float[n * dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                out[i * dim + d] = (float) (x[i * dim + d] + delta[d]);
            }
        }
        return out;
    }

    /** The rows shuffled by a seeded Fisher–Yates. */
    static float[] permuteRows(float[] x, int n, int dim, long seed) {
        Rng rng = new Rng(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] out = new float[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, order[i] * dim, out, i * dim, dim);
        }
        return out;
    }
}
