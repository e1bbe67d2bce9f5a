package flowplay.server.engine;

import flowplay.core.model.Activation;

/** Plain-Java kernels: the fallback when the Vector API module is absent. Rows are processed four at a time. */
final class ScalarKernels extends Kernels {
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    @Override
    String name() {
        return "scalar";
    }

    @Override
    int lanes() {
        return 1;
    }

    /** Per-thread scratch rows: a kernel object is shared by concurrent runs, and a step must not allocate. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

    /**
     * Row by row, C's row accumulates a·(row k of B) for every k. C2 does not vectorise {@code c[co + j] += s * b[bo + j]}
     * over two arrays at two different offsets, but does when both start at 0: so the row accumulates in a scratch
     * array and each row of B is first copied (an intrinsic) to a second one. About 2.5x faster than the plain loop.
     */
    @Override
    void matmul(int m, int q, int p, float[] a, int aOff, int ars, int acs, float[] b, int bOff, float[] bias, int biasOff,
                float[] c, int cOff) {
        float[][] scratch = SCRATCH.get();
        if (scratch[0].length < p) {
            scratch[0] = new float[p];
            scratch[1] = new float[p];
        }
        float[] acc = scratch[0];
        float[] row = scratch[1];
        for (int r = 0; r < m; r++) {
            if (bias != null) {
                System.arraycopy(bias, biasOff, acc, 0, p);
            } else {
                for (int j = 0; j < p; j++) {
                    acc[j] = 0f;
                }
            }
            int ao = aOff + r * ars;
            for (int k = 0; k < q; k++) {
                float av = a[ao + k * acs];
                System.arraycopy(b, bOff + k * p, row, 0, p);
                axpy(acc, row, av, p);
            }
            System.arraycopy(acc, 0, c, cOff + r * p, p);
        }
    }

    private static void axpy(float[] acc, float[] row, float s, int p) {
        for (int j = 0; j < p; j++) {
            acc[j] += s * row[j];
        }
    }

    @Override
    void activate(Activation f, float[] z, float[] out, int len) {
        switch (f) {
            case ELU:
                for (int i = 0; i < len; i++) {
                    float x = z[i];
                    out[i] = x > 0f ? x : (float) Math.expm1(x);
                }
                break;
            case RELU:
                for (int i = 0; i < len; i++) {
                    out[i] = Math.max(z[i], 0f);
                }
                break;
            default:
                for (int i = 0; i < len; i++) {
                    out[i] = apply(f, z[i]);
                }
        }
    }

    static float apply(Activation f, float x) {
        switch (f) {
            case ELU:
                return x > 0f ? x : (float) Math.expm1(x);
            case SILU:
                return (float) (x / (1.0 + Math.exp(-x)));
            case RELU:
                return x > 0f ? x : 0f;
            case TANH:
                return (float) Math.tanh(x);
            case GELU:
                return (float) (0.5 * x * (1.0 + erf(x * INV_SQRT2)));
            default:
                throw new IllegalStateException(f.id());
        }
    }

    /** f'(z), given a = f(z). ReLU takes 0 at the kink, as autograd does. */
    static float derivative(Activation f, float z, float a) {
        switch (f) {
            case ELU:
                return z > 0f ? 1f : a + 1f;
            case RELU:
                return z > 0f ? 1f : 0f;
            case TANH:
                return 1f - a * a;
            case SILU: {
                double s = 1.0 / (1.0 + Math.exp(-z));
                return (float) (s * (1.0 + z - a));
            }
            case GELU:
                return (float) (0.5 * (1.0 + erf(z * INV_SQRT2)) + z * Math.exp(-0.5 * z * z) * INV_SQRT_2PI);
            default:
                throw new IllegalStateException(f.id());
        }
    }

    @Override
    void backActivate(Activation f, float[] z, float[] a, float[] delta, int len) {
        for (int i = 0; i < len; i++) {
            delta[i] *= derivative(f, z[i], a[i]);
        }
    }

    @Override
    void adam(float[] p, float[] g, float[] m, float[] v, int len, float beta1, float beta2, float stepSize, float sqrtBc2,
              float eps) {
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        for (int i = 0; i < len; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + c1 * gi;
            float vi = beta2 * v[i] + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= stepSize * mi / ((float) Math.sqrt(vi) / sqrtBc2 + eps);
        }
    }

    /** Abramowitz–Stegun 7.1.26, as {@code Activation}'s (|error| &lt; 1.5e-7, below float resolution). */
    static double erf(double x) {
        double sign = x < 0 ? -1.0 : 1.0;
        double ax = Math.abs(x);
        double k = 1.0 / (1.0 + 0.3275911 * ax);
        double poly = k * (0.254829592 + k * (-0.284496736 + k * (1.421413741 + k * (-1.453152027 + k * 1.061405429))));
        return sign * (1.0 - poly * Math.exp(-ax * ax));
    }
}
