package flowplay.server.engine;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deterministic vector exponentials against the JDK's scalar functions, over the whole range training meets. */
class VectorMathTest {
    private static final int L = FloatVector.SPECIES_PREFERRED.length();

    @Test
    void expm1ExpAndTanhAreWithinAFewUlps() {
        float[] x = new float[L];
        float[] out = new float[L];
        double worstExpm1 = 0;
        double worstExp = 0;
        double worstTanh = 0;
        for (int i = -200_000; i < 200_000; i += L) {
            for (int k = 0; k < L; k++) {
                x[k] = (i + k) * 1e-4f * (1 + (i + k) % 7 * 0.13f); // dense near 0, out to about ±45
            }
            FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0);
            VectorMath.expm1(v).intoArray(out, 0);
            for (int k = 0; k < L; k++) {
                worstExpm1 = Math.max(worstExpm1, ulps(out[k], Math.expm1(x[k])));
            }
            VectorMath.exp(v.min(80f)).intoArray(out, 0);
            for (int k = 0; k < L; k++) {
                worstExp = Math.max(worstExp, ulps(out[k], Math.exp(Math.min(x[k], 80f))));
            }
            VectorMath.tanh(v).intoArray(out, 0);
            for (int k = 0; k < L; k++) {
                worstTanh = Math.max(worstTanh, ulps(out[k], Math.tanh(x[k])));
            }
        }
        assertTrue(worstExpm1 <= 4, "expm1 within " + worstExpm1 + " ulp");
        assertTrue(worstExp <= 4, "exp within " + worstExp + " ulp");
        assertTrue(worstTanh <= 4, "tanh within " + worstTanh + " ulp");
    }

    @Test
    void extremesSaturateInsteadOfOverflowing() {
        float[] x = new float[L];
        java.util.Arrays.fill(x, -1000f);
        float[] out = new float[L];
        VectorMath.expm1(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0)).intoArray(out, 0);
        assertEquals(-1f, out[0]);
        java.util.Arrays.fill(x, 1000f);
        VectorMath.tanh(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0)).intoArray(out, 0);
        assertEquals(1f, out[0]);
    }

    private static double ulps(float got, double exact) {
        return Math.abs(got - exact) / Math.ulp((float) exact);
    }
}
