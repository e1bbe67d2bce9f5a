package flowplay.core.path;

import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Cosine;
import flowplay.core.path.scheduler.Vp;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversionsTest {
    private static final int N = 64;
    private static final int DIM = 3;
    private static final double[] TIMES = {0.05, 0.2, 0.5, 0.8, 0.95};

    private static float[] gaussian(Rng rng, int count) {
        float[] out = new float[count];
        rng.fillGaussian(out, 0, count);
        return out;
    }

    private static void assertClose(float[] expected, float[] actual, double tol, String what) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], tol * Math.max(1, Math.abs(expected[j])), what + " [" + j + "]");
        }
    }

    @Test
    void roundTripVelocityX1X0ScoreVelocity() {
        Rng rng = new Rng(3);
        Prediction[] cycle = {Prediction.VELOCITY, Prediction.X1, Prediction.X0, Prediction.SCORE, Prediction.VELOCITY};
        for (Scheduler s : TestSchedulers.all()) {
            AffinePath path = new AffinePath(s);
            for (double t : TIMES) {
                float[] x = gaussian(rng, N * DIM);
                float[] start = gaussian(rng, N * DIM);
                float[] q = start.clone();
                for (int k = 0; k + 1 < cycle.length; k++) {
                    path.convert(cycle[k], cycle[k + 1], x, q, (float) t, N, DIM, q);
                }
                assertClose(start, q, 2e-4, TestSchedulers.label(s) + " t=" + t);
            }
        }
    }

    @Test
    void everyPairIsInvertedByItsReverse() {
        Rng rng = new Rng(4);
        for (Scheduler s : TestSchedulers.all()) {
            AffinePath path = new AffinePath(s);
            for (Prediction from : Prediction.values()) {
                for (Prediction to : Prediction.values()) {
                    float[] x = gaussian(rng, N * DIM);
                    float[] q = gaussian(rng, N * DIM);
                    float[] t = new float[N];
                    for (int i = 0; i < N; i++) {
                        t[i] = (float) (0.25 + 0.65 * rng.nextDouble()); // away from where x1 ↔ x0 divides by a tiny α or σ in float
                    }
                    float[] there = new float[N * DIM];
                    float[] back = new float[N * DIM];
                    path.convert(from, to, x, q, t, N, DIM, there);
                    path.convert(to, from, x, there, t, N, DIM, back);
                    assertClose(q, back, 2e-4, TestSchedulers.label(s) + " " + from + "→" + to);
                }
            }
        }
    }

    /** The Guide's eqs. 4.55–4.57, written out here independently of the generic 2×2 solve. */
    @Test
    void conversionsToVelocityMatchTheGuidesFormulas() {
        for (Scheduler s : TestSchedulers.all()) {
            AffinePath path = new AffinePath(s);
            for (double t : TIMES) {
                double a = s.alpha(t);
                double sg = s.sigma(t);
                double aDot = s.alphaDot(t);
                double sDot = s.sigmaDot(t);
                float x = 0.7f;
                float q = -1.3f;
                // from x1: u = (σ̇/σ)·x + (α̇ − σ̇·α/σ)·x1
                double fromX1 = sDot / sg * x + (aDot - sDot * a / sg) * q;
                // from x0: u = (α̇/α)·x + (σ̇ − α̇·σ/α)·x0
                double fromX0 = aDot / a * x + (sDot - aDot * sg / a) * q;
                // from the score: x0 = −σ·score
                double fromScore = aDot / a * x + (sDot - aDot * sg / a) * (-sg * q);
                double[] expected = {fromX1, fromX0, fromScore};
                Prediction[] from = {Prediction.X1, Prediction.X0, Prediction.SCORE};
                for (int k = 0; k < 3; k++) {
                    float[] out = new float[1];
                    path.convert(from[k], Prediction.VELOCITY, new float[] {x}, new float[] {q}, (float) t, 1, 1, out);
                    assertEquals(expected[k], out[0], 1e-4 * Math.max(1, Math.abs(expected[k])), TestSchedulers.label(s) + " " + from[k] + " t=" + t);
                }
            }
        }
    }

    @Test
    void trainingTargetsConvertToTheVelocityTarget() {
        Rng rng = new Rng(5);
        for (Scheduler s : TestSchedulers.all()) {
            AffinePath path = new AffinePath(s);
            float[] x0 = gaussian(rng, N * DIM);
            float[] x1 = gaussian(rng, N * DIM);
            float[] t = new float[N];
            for (int i = 0; i < N; i++) {
                t[i] = (float) (0.05 + 0.9 * rng.nextDouble());
            }
            float[] xt = new float[N * DIM];
            float[] velocity = new float[N * DIM];
            path.sample(x0, x1, t, N, DIM, xt, velocity);
            float[] target = new float[N * DIM];
            path.target(Prediction.X1, x0, x1, t, N, DIM, target);
            assertArrayEquals(x1, target);
            path.target(Prediction.X0, x0, x1, t, N, DIM, target);
            assertArrayEquals(x0, target);
            path.target(Prediction.VELOCITY, x0, x1, t, N, DIM, target);
            assertArrayEquals(velocity, target);
            path.target(Prediction.SCORE, x0, x1, t, N, DIM, target);
            for (int j = 0; j < N * DIM; j++) {
                // the conditional score of N(α·x1, σ²I) at x_t: −(x_t − α·x1)/σ² = −x0/σ
                assertEquals(-x0[j] / s.sigma(t[j / DIM]), target[j], 1e-5 * Math.max(1, Math.abs(target[j])));
            }
            for (Prediction p : Prediction.values()) {
                float[] converted = new float[N * DIM];
                path.target(p, x0, x1, t, N, DIM, target);
                path.convert(p, Prediction.VELOCITY, xt, target, t, N, DIM, converted);
                assertClose(velocity, converted, 2e-4, TestSchedulers.label(s) + " " + p);
            }
        }
    }

    @Test
    void singularConversionsThrowAndNameTheirSafeInterval() {
        AffinePath condot = new AffinePath(new CondOt());
        float[] x = {1f, 2f};
        float[] q = {0.5f, 0.5f};
        float[] out = new float[2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> condot.convert(Prediction.X0, Prediction.VELOCITY, x, q, 0f, 1, 2, out));
        assertTrue(e.getMessage().contains("x0 → velocity is singular at t=0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("(0, 1]"), e.getMessage());
        assertArrayEquals(new double[] {1e-3, 1.0}, condot.safeTimes(Prediction.X0, Prediction.VELOCITY, 1e-3));
        // the score itself is infinite at σ=0, so a score model is usable only strictly inside (0, 1)
        assertArrayEquals(new double[] {1e-3, 1 - 1e-3}, condot.safeTimes(Prediction.SCORE, Prediction.VELOCITY, 1e-3));
        assertArrayEquals(new double[] {0.0, 1 - 1e-3}, condot.safeTimes(Prediction.X1, Prediction.VELOCITY, 1e-3));
        assertArrayEquals(new double[] {0.0, 1 - 1e-3}, condot.safeTimes(Prediction.VELOCITY, Prediction.SCORE, 1e-3));
        assertArrayEquals(new double[] {0.0, 1.0}, condot.safeTimes(Prediction.X0, Prediction.X0, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> condot.convert(Prediction.X1, Prediction.VELOCITY, x, q, 1f, 1, 2, out));
        assertThrows(IllegalArgumentException.class,
                () -> condot.convert(Prediction.X0, Prediction.VELOCITY, x, q, new float[] {0f}, 1, 2, out));
        assertDoesNotThrow(() -> condot.convert(Prediction.X0, Prediction.VELOCITY, x, q, 1e-3f, 1, 2, out));
        e = assertThrows(IllegalArgumentException.class,
                () -> condot.target(Prediction.SCORE, new float[] {1f}, new float[] {1f}, new float[] {1f}, 1, 1, new float[1]));
        assertTrue(e.getMessage().contains("score target is singular"), e.getMessage());
        assertArrayEquals(new double[] {0.0, 1 - 1e-3}, condot.targetSafeTimes(Prediction.SCORE, 1e-3));
        assertArrayEquals(new double[] {0.0, 1.0}, condot.targetSafeTimes(Prediction.VELOCITY, 1e-3));

        // vp: α_0 > 0 keeps x0-prediction finite at t=0, but σ̇ is infinite at t=1 so velocity conversions stop short.
        AffinePath vp = new AffinePath(new Vp());
        assertArrayEquals(new double[] {0.0, 1 - 1e-3}, vp.safeTimes(Prediction.X0, Prediction.VELOCITY, 1e-3));
        assertArrayEquals(new double[] {0.0, 1 - 1e-3}, vp.safeTimes(Prediction.VELOCITY, Prediction.X1, 1e-3));
        assertArrayEquals(new double[] {0.0, 1 - 1e-3}, vp.targetSafeTimes(Prediction.VELOCITY, 1e-3));
        // cosine has finite derivatives at both ends: only the division by σ at t=1 and α at t=0 matter.
        AffinePath cosine = new AffinePath(new Cosine());
        assertArrayEquals(new double[] {0.0, 1 - 1e-3}, cosine.safeTimes(Prediction.X1, Prediction.X0, 1e-3));
        assertArrayEquals(new double[] {0.0, 1 - 1e-3}, cosine.safeTimes(Prediction.X1, Prediction.VELOCITY, 1e-3));
        assertArrayEquals(new double[] {1e-3, 1.0}, cosine.safeTimes(Prediction.X0, Prediction.VELOCITY, 1e-3));
    }
}
