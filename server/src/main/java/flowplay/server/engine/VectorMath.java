package flowplay.server.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * e^x − 1 and e^x on float vectors from basic IEEE operations only (add, multiply, fused multiply-add, conversions).
 * The Vector API's own EXP/EXPM1/TANH lane ops are computed by SVML once the JIT has compiled a loop but by scalar
 * Math calls before that, and the two differ in the last bit: the same seed then gave different weights depending on
 * when the JIT kicked in. These give the same bits interpreted or compiled, and are as accurate for training (about
 * 1 ulp). Only referenced from {@link VectorKernels}, so like it only loaded when the vector module is present.
 *
 * <p>Method: n = round(x·log2 e), r = x − n·ln 2 (two-part ln 2), e^r − 1 by its Taylor series to r⁷ (|r| ≤ ln2/2,
 * truncation below 1e-8 relative), then e^x − 1 = 2ⁿ·(e^r − 1) + (2ⁿ − 1), which is exact in r for n = 0 so small
 * arguments keep their relative precision.
 */
final class VectorMath {
    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693145751953125f;
    private static final float LN2_LO = 1.428606765330187e-6f;
    /** 1.5·2²³: adding and subtracting it rounds a float of magnitude below 2²² to the nearest integer. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    /** Beyond these e^x leaves the normal floats; clamping keeps 2ⁿ a normal float. */
    private static final float MIN_ARG = -87f;
    private static final float MAX_ARG = 88f;

    private VectorMath() {
    }

    static FloatVector expm1(FloatVector x) {
        FloatVector c = x.max(MIN_ARG).min(MAX_ARG);
        FloatVector n = nearestLog2(c);
        FloatVector scale = powerOfTwo(n);
        return scale.fma(expm1Reduced(c, n), scale.sub(1f));
    }

    /** e^x = 2ⁿ·(e^r − 1) + 2ⁿ: full relative precision also where e^x is tiny. */
    static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(MIN_ARG).min(MAX_ARG);
        FloatVector n = nearestLog2(c);
        FloatVector scale = powerOfTwo(n);
        return scale.fma(expm1Reduced(c, n), scale);
    }

    /** round(x·log2 e). */
    private static FloatVector nearestLog2(FloatVector c) {
        return c.mul(LOG2E).add(ROUNDER).sub(ROUNDER);
    }

    /** e^r − 1 for r = x − n·ln 2. */
    private static FloatVector expm1Reduced(FloatVector c, FloatVector n) {
        FloatVector r = n.fma(-LN2_HI, 0f).add(c); // n·ln2_hi is exact: ln2_hi has 16 significant bits
        r = n.fma(c.broadcast(-LN2_LO), r);
        FloatVector p = r.fma(1f / 5040f, 1f / 720f);
        p = p.fma(r, c.broadcast(1f / 120f));
        p = p.fma(r, c.broadcast(1f / 24f));
        p = p.fma(r, c.broadcast(1f / 6f));
        p = p.fma(r, c.broadcast(0.5f));
        return p.mul(r).fma(r, r); // r + r²·(½ + r/6 + …)
    }

    /** tanh x = −e/(e + 2) with e = e^(−2|x|) − 1, sign restored; accurate near 0 through expm1. */
    static FloatVector tanh(FloatVector x) {
        FloatVector e = expm1(x.abs().mul(-2f));
        FloatVector t = e.neg().div(e.add(2f));
        return t.blend(t.neg(), x.compare(VectorOperators.LT, 0f));
    }

    /**
     * 2ⁿ for integral n in [−126, 127], built from its exponent bits. n + 1.5·2²³ holds n in its low mantissa bits, so
     * reinterpreting is the float-to-int conversion (a lane conversion op boxed its vectors on JDK 17 and allocated
     * megabytes per step).
     */
    private static FloatVector powerOfTwo(FloatVector n) {
        IntVector bits = n.add(ROUNDER).reinterpretAsInts();
        return bits.sub(ROUNDER_BITS - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }
}
