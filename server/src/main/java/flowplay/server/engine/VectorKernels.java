package flowplay.server.engine;

import flowplay.core.model.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the JDK Vector API ({@code jdk.incubator.vector}). Only loaded by name from {@link Kernels#vectorOrNull()}
 * after the module was found, so nothing else may refer to this class directly.
 *
 * <p>The matmul is register-blocked: four rows of C by two vectors of columns stay in eight accumulators while the
 * shared dimension streams past, one broadcast per row and one load of B per vector. Exponentials come from
 * {@link VectorMath} (the scalar {@code Math.expm1} is never vectorised and dominated the small nets, and the lane
 * ops' results depend on whether the JIT has compiled the loop yet).
 */
final class VectorKernels extends Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final float INV_SQRT2 = (float) (1.0 / Math.sqrt(2.0));
    private static final float INV_SQRT_2PI = (float) (1.0 / Math.sqrt(2.0 * Math.PI));

    @Override
    String name() {
        return "vector";
    }

    @Override
    int lanes() {
        return L;
    }

    @Override
    void matmul(int m, int q, int p, float[] a, int aOff, int ars, int acs, float[] b, int bOff, float[] bias, int biasOff,
                float[] c, int cOff) {
        int pv = S.loopBound(p);
        int m4 = m & ~3;
        // Column strips outermost: a strip of B (q rows × 2 vectors) stays in L1 while every block of rows passes it.
        int j = 0;
        for (; j + 2 * L <= pv; j += 2 * L) {
            for (int r = 0; r < m4; r += 4) {
                block4x2(r, j, q, p, a, aOff, ars, acs, b, bOff, bias, biasOff, c, cOff);
            }
        }
        for (; j < pv; j += L) {
            for (int r = 0; r < m4; r += 4) {
                block4x1(r, j, q, p, a, aOff, ars, acs, b, bOff, bias, biasOff, c, cOff);
            }
        }
        if (pv < p && m4 > 0) {
            scalarColumns(0, m4, pv, q, p, a, aOff, ars, acs, b, bOff, bias, biasOff, c, cOff);
        }
        for (int r = m4; r < m; r++) {
            int a0 = aOff + r * ars;
            int c0 = cOff + r * p;
            for (int jj = 0; jj < pv; jj += L) {
                FloatVector x0 = init(bias, biasOff + jj);
                for (int k = 0; k < q; k++) {
                    x0 = FloatVector.fromArray(S, b, bOff + k * p + jj).fma(FloatVector.broadcast(S, a[a0 + k * acs]), x0);
                }
                x0.intoArray(c, c0 + jj);
            }
            if (pv < p) {
                scalarColumns(r, r + 1, pv, q, p, a, aOff, ars, acs, b, bOff, bias, biasOff, c, cOff);
            }
        }
    }

    /** Rows r..r+3, columns j..j+2L: eight accumulators. */
    private static void block4x2(int r, int j, int q, int p, float[] a, int aOff, int ars, int acs, float[] b, int bOff,
                                 float[] bias, int biasOff, float[] c, int cOff) {
        int a0 = aOff + r * ars;
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        FloatVector x0 = init(bias, biasOff + j);
        FloatVector y0 = init(bias, biasOff + j + L);
        FloatVector x1 = x0;
        FloatVector y1 = y0;
        FloatVector x2 = x0;
        FloatVector y2 = y0;
        FloatVector x3 = x0;
        FloatVector y3 = y0;
        for (int k = 0; k < q; k++) {
            int bo = bOff + k * p + j;
            FloatVector bx = FloatVector.fromArray(S, b, bo);
            FloatVector by = FloatVector.fromArray(S, b, bo + L);
            int ko = k * acs;
            FloatVector v0 = FloatVector.broadcast(S, a[a0 + ko]);
            FloatVector v1 = FloatVector.broadcast(S, a[a1 + ko]);
            FloatVector v2 = FloatVector.broadcast(S, a[a2 + ko]);
            FloatVector v3 = FloatVector.broadcast(S, a[a3 + ko]);
            x0 = bx.fma(v0, x0);
            y0 = by.fma(v0, y0);
            x1 = bx.fma(v1, x1);
            y1 = by.fma(v1, y1);
            x2 = bx.fma(v2, x2);
            y2 = by.fma(v2, y2);
            x3 = bx.fma(v3, x3);
            y3 = by.fma(v3, y3);
        }
        int c0 = cOff + r * p + j;
        x0.intoArray(c, c0);
        y0.intoArray(c, c0 + L);
        x1.intoArray(c, c0 + p);
        y1.intoArray(c, c0 + p + L);
        x2.intoArray(c, c0 + 2 * p);
        y2.intoArray(c, c0 + 2 * p + L);
        x3.intoArray(c, c0 + 3 * p);
        y3.intoArray(c, c0 + 3 * p + L);
    }

    /** Rows r..r+3, columns j..j+L. */
    private static void block4x1(int r, int j, int q, int p, float[] a, int aOff, int ars, int acs, float[] b, int bOff,
                                 float[] bias, int biasOff, float[] c, int cOff) {
        int a0 = aOff + r * ars;
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        FloatVector x0 = init(bias, biasOff + j);
        FloatVector x1 = x0;
        FloatVector x2 = x0;
        FloatVector x3 = x0;
        for (int k = 0; k < q; k++) {
            FloatVector bx = FloatVector.fromArray(S, b, bOff + k * p + j);
            int ko = k * acs;
            x0 = bx.fma(FloatVector.broadcast(S, a[a0 + ko]), x0);
            x1 = bx.fma(FloatVector.broadcast(S, a[a1 + ko]), x1);
            x2 = bx.fma(FloatVector.broadcast(S, a[a2 + ko]), x2);
            x3 = bx.fma(FloatVector.broadcast(S, a[a3 + ko]), x3);
        }
        int c0 = cOff + r * p + j;
        x0.intoArray(c, c0);
        x1.intoArray(c, c0 + p);
        x2.intoArray(c, c0 + 2 * p);
        x3.intoArray(c, c0 + 3 * p);
    }

    private static FloatVector init(float[] bias, int off) {
        return bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, off);
    }

    /** Columns [j0, p) of rows [r0, r1): the tail narrower than a vector (and all of a 2-wide output layer). */
    private static void scalarColumns(int r0, int r1, int j0, int q, int p, float[] a, int aOff, int ars, int acs, float[] b,
                                      int bOff, float[] bias, int biasOff, float[] c, int cOff) {
        for (int r = r0; r < r1; r++) {
            int ao = aOff + r * ars;
            for (int j = j0; j < p; j++) {
                float s = bias == null ? 0f : bias[biasOff + j];
                for (int k = 0; k < q; k++) {
                    s += a[ao + k * acs] * b[bOff + k * p + j];
                }
                c[cOff + r * p + j] = s;
            }
        }
    }

    @Override
    void activate(Activation f, float[] z, float[] out, int len) {
        int bound = S.loopBound(len);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector y;
            switch (f) {
                case ELU:
                    y = x.blend(VectorMath.expm1(x), x.compare(VectorOperators.LE, 0f));
                    break;
                case RELU:
                    y = x.max(0f);
                    break;
                case TANH:
                    y = VectorMath.tanh(x);
                    break;
                case SILU:
                    y = x.mul(sigmoid(x));
                    break;
                case GELU:
                    y = x.mul(normalCdf(x));
                    break;
                default:
                    throw new IllegalStateException(f.id());
            }
            y.intoArray(out, i);
        }
        for (; i < len; i++) {
            out[i] = ScalarKernels.apply(f, z[i]);
        }
    }

    @Override
    void backActivate(Activation f, float[] z, float[] a, float[] delta, int len) {
        int bound = S.loopBound(len);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector d = FloatVector.fromArray(S, delta, i);
            FloatVector g;
            switch (f) {
                case ELU: {
                    FloatVector y = FloatVector.fromArray(S, a, i);
                    g = d.blend(d.mul(y.add(1f)), x.compare(VectorOperators.LE, 0f));
                    break;
                }
                case RELU:
                    g = d.blend(0f, x.compare(VectorOperators.LE, 0f));
                    break;
                case TANH: {
                    FloatVector y = FloatVector.fromArray(S, a, i);
                    g = d.mul(y.mul(y).neg().add(1f));
                    break;
                }
                case SILU: {
                    FloatVector y = FloatVector.fromArray(S, a, i);
                    g = d.mul(sigmoid(x).mul(x.sub(y).add(1f)));
                    break;
                }
                case GELU: {
                    FloatVector pdf = VectorMath.exp(x.mul(x).mul(-0.5f)).mul(INV_SQRT_2PI);
                    g = d.mul(normalCdf(x).add(x.mul(pdf)));
                    break;
                }
                default:
                    throw new IllegalStateException(f.id());
            }
            g.intoArray(delta, i);
        }
        for (; i < len; i++) {
            delta[i] *= ScalarKernels.derivative(f, z[i], a[i]);
        }
    }

    /** σ(x) = 1 / (1 + e^(−x)). */
    private static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(S, 1f).div(VectorMath.exp(x.neg()).add(1f));
    }

    /** Φ(x) = ½(1 + erf(x/√2)) with Abramowitz–Stegun 7.1.26, the formula of {@code Activation.erf}. */
    private static FloatVector normalCdf(FloatVector x) {
        FloatVector u = x.mul(INV_SQRT2);
        FloatVector au = u.abs();
        FloatVector k = au.mul(0.3275911f).add(1f);
        k = FloatVector.broadcast(S, 1f).div(k);
        FloatVector poly = k.mul(1.061405429f).add(-1.453152027f);
        poly = poly.mul(k).add(1.421413741f);
        poly = poly.mul(k).add(-0.284496736f);
        poly = poly.mul(k).add(0.254829592f);
        poly = poly.mul(k);
        FloatVector erfAbs = poly.mul(VectorMath.exp(au.mul(au).neg())).neg().add(1f);
        VectorMask<Float> negative = u.compare(VectorOperators.LT, 0f);
        FloatVector erf = erfAbs.blend(erfAbs.neg(), negative);
        return erf.add(1f).mul(0.5f);
    }

    @Override
    void adam(float[] p, float[] g, float[] m, float[] v, int len, float beta1, float beta2, float stepSize, float sqrtBc2,
              float eps) {
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        int bound = S.loopBound(len);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector gi = FloatVector.fromArray(S, g, i);
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1).add(gi.mul(c1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(beta2).add(gi.mul(c2).mul(gi));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector denom = vi.lanewise(VectorOperators.SQRT).div(sqrtBc2).add(eps);
            FloatVector.fromArray(S, p, i).sub(mi.mul(stepSize).div(denom)).intoArray(p, i);
        }
        for (; i < len; i++) {
            float gv = g[i];
            float mv = beta1 * m[i] + c1 * gv;
            float vv = beta2 * v[i] + c2 * gv * gv;
            m[i] = mv;
            v[i] = vv;
            p[i] -= stepSize * mv / ((float) Math.sqrt(vv) / sqrtBc2 + eps);
        }
    }

    @Override
    void columnSums(float[] x, int rows, int cols, float[] out, int outOff) {
        int bound = S.loopBound(cols);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector s = FloatVector.zero(S);
            for (int r = 0; r < rows; r++) {
                s = s.add(FloatVector.fromArray(S, x, r * cols + j));
            }
            s.intoArray(out, outOff + j);
        }
        for (; j < cols; j++) {
            float s = 0f;
            for (int r = 0; r < rows; r++) {
                s += x[r * cols + j];
            }
            out[outOff + j] = s;
        }
    }
}
