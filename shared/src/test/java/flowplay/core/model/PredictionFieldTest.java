package flowplay.core.model;

import flowplay.core.path.AffinePath;
import flowplay.core.path.Scheduler;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Cosine;
import flowplay.core.path.scheduler.Vp;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictionFieldTest {
    private static final Scheduler[] SCHEDULERS = {new CondOt(), new Cosine(), new Vp()};

    @Test
    void velocityPredictionIsTheNetworkOnConcatXAndT() {
        Mlp mlp = Mlp.init(new int[] {3, 16, 2}, Activation.ELU, new Rng(41));
        PredictionField field = new PredictionField(mlp, Prediction.VELOCITY, new AffinePath(new CondOt()));
        float[] x = {0.1f, 0.2f, -1f, 2f};
        float[] a = new float[4];
        float[] b = new float[4];
        field.velocity(x, 0.3f, 2, a);
        mlp.forward(new float[] {0.1f, 0.2f, 0.3f, -1f, 2f, 0.3f}, 2, b);
        assertArrayEquals(b, a, 0f);
    }

    /** An inpainting network sees concat(x, mask, t); derivatives stay in x only. */
    @Test
    void maskConditionedNetworkSeesTheMaskBetweenXAndT() {
        Mlp mlp = Mlp.init(new int[] {5, 16, 2}, Activation.TANH, new Rng(43));
        PredictionField field = new PredictionField(mlp, Prediction.X1, new AffinePath(new Cosine()));
        assertEquals(2, field.conditionDim());
        float[] x = {0.1f, 0.2f, -1f, 2f};
        float[] a = new float[4];
        float[] b = new float[4];
        field.predict(x, 0.5f, 2, a);
        mlp.forward(new float[] {0.1f, 0.2f, 0f, 0f, 0.5f, -1f, 2f, 0f, 0f, 0.5f}, 2, b);
        assertArrayEquals(b, a, 0f, "no condition given: nothing observed");
        field.condition(new float[] {1f, 0f});
        IllegalStateException tooShort = assertThrows(IllegalStateException.class, () -> field.predict(x, 0.5f, 2, new float[4]));
        assertTrue(tooShort.getMessage().contains("holds 1 points' values (2 each) but 2 points"), tooShort.getMessage());

        field.condition(new float[] {1f, 0f, 0f, 1f});
        field.predict(x, 0.5f, 2, a);
        mlp.forward(new float[] {0.1f, 0.2f, 1f, 0f, 0.5f, -1f, 2f, 0f, 1f, 0.5f}, 2, b);
        assertArrayEquals(b, a, 0f);

        // Divergence by central differences in x, with the mask held fixed.
        float[] v = new float[4];
        float[] div = new float[2];
        field.velocityAndDivergence(x, 0.5f, 2, v, div);
        double h = 1e-3;
        for (int i = 0; i < 2; i++) {
            double trace = 0;
            for (int k = 0; k < 2; k++) {
                float[] plus = x.clone();
                float[] minus = x.clone();
                plus[2 * i + k] += (float) h;
                minus[2 * i + k] -= (float) h;
                float[] vp = new float[4];
                float[] vm = new float[4];
                field.velocity(plus, 0.5f, 2, vp);
                field.velocity(minus, 0.5f, 2, vm);
                trace += (vp[2 * i + k] - vm[2 * i + k]) / (2 * h);
            }
            assertEquals(trace, div[i], 2e-3 * Math.max(1, Math.abs(trace)));
        }
    }

    /** The x1 → velocity formula of the Guide, u = (σ̇/σ)x + (α̇ − σ̇α/σ)·x1, applied by hand to the raw network output. */
    @Test
    void x1PredictionFollowsTheGuidesConversion() {
        Mlp mlp = Mlp.init(new int[] {3, 16, 2}, Activation.SILU, new Rng(42));
        for (Scheduler s : SCHEDULERS) {
            PredictionField field = new PredictionField(mlp, Prediction.X1, new AffinePath(s));
            float[] x = {0.5f, -0.7f};
            float t = 0.4f;
            float[] raw = new float[2];
            float[] u = new float[2];
            field.predict(x, t, 1, raw);
            field.velocity(x, t, 1, u);
            double a = s.alpha(t);
            double sg = s.sigma(t);
            for (int j = 0; j < 2; j++) {
                double expected = s.sigmaDot(t) / sg * x[j] + (s.alphaDot(t) - s.sigmaDot(t) * a / sg) * raw[j];
                assertEquals(expected, u[j], 1e-5 * Math.max(1, Math.abs(expected)), s.name());
            }
        }
    }

    /** Divergence and JVP (summed over the basis) against central differences of the field's own velocity. */
    @Test
    void divergenceAndJvpMatchFiniteDifferencesForEveryPrediction() {
        Rng rng = new Rng(43);
        int dim = 3;
        int n = 4;
        for (Scheduler s : SCHEDULERS) {
            for (Prediction p : Prediction.values()) {
                Mlp mlp = Mlp.init(new int[] {dim + 1, 24, 24, dim}, Activation.GELU, rng);
                PredictionField field = new PredictionField(mlp, p, new AffinePath(s));
                float t = 0.35f;
                float[] x = new float[n * dim];
                rng.fillGaussian(x, 0, x.length);
                float[] u = new float[n * dim];
                float[] div = new float[n];
                field.velocityAndDivergence(x, t, n, u, div);
                float[] plainU = new float[n * dim];
                field.velocity(x, t, n, plainU);
                assertArrayEquals(plainU, u, 1e-6f);
                double[] fdTrace = new double[n];
                double[] jvpTrace = new double[n];
                float h = 1e-2f;
                for (int k = 0; k < dim; k++) {
                    float[] plus = x.clone();
                    float[] minus = x.clone();
                    float[] e = new float[n * dim];
                    for (int i = 0; i < n; i++) {
                        plus[i * dim + k] += h;
                        minus[i * dim + k] -= h;
                        e[i * dim + k] = 1f;
                    }
                    float[] up = new float[n * dim];
                    float[] um = new float[n * dim];
                    field.velocity(plus, t, n, up);
                    field.velocity(minus, t, n, um);
                    float[] jvp = new float[n * dim];
                    float[] v = new float[n * dim];
                    field.velocityAndJvp(x, t, n, e, v, jvp);
                    for (int i = 0; i < n; i++) {
                        fdTrace[i] += (up[i * dim + k] - um[i * dim + k]) / (double) (plus[i * dim + k] - minus[i * dim + k]);
                        jvpTrace[i] += jvp[i * dim + k];
                    }
                }
                for (int i = 0; i < n; i++) {
                    double tol = 5e-3 * Math.max(1, Math.abs(fdTrace[i]));
                    assertEquals(fdTrace[i], div[i], tol, s.name() + " " + p + " divergence");
                    assertEquals(div[i], jvpTrace[i], 1e-4 * Math.max(1, Math.abs(div[i])), s.name() + " " + p + " Hutchinson basis");
                }
            }
        }
    }

    @Test
    void scoreOfAVelocityModelIsItsConversion() {
        Mlp mlp = Mlp.init(new int[] {3, 8, 2}, Activation.TANH, new Rng(44));
        AffinePath path = new AffinePath(new CondOt());
        PredictionField field = new PredictionField(mlp, Prediction.VELOCITY, path);
        float[] x = {0.3f, 0.9f};
        float[] raw = new float[2];
        float[] score = new float[2];
        float[] expected = new float[2];
        field.predict(x, 0.6f, 1, raw);
        field.score(x, 0.6f, 1, score);
        path.convert(Prediction.VELOCITY, Prediction.SCORE, x, raw, 0.6f, 1, 2, expected);
        assertArrayEquals(expected, score, 0f);
    }

    @Test
    void singularTimesThrowAndSafeTimesSayWhere() {
        Mlp mlp = Mlp.init(new int[] {3, 8, 2}, Activation.TANH, new Rng(45));
        PredictionField x0Model = new PredictionField(mlp, Prediction.X0, new AffinePath(new CondOt()));
        assertThrows(IllegalArgumentException.class, () -> x0Model.velocity(new float[2], 0f, 1, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> x0Model.velocityAndDivergence(new float[2], 0f, 1, new float[2], new float[1]));
        // x0 → velocity fails at 0; x0 → score (−x0/σ) at 1
        assertArrayEquals(new double[] {1e-3, 1 - 1e-3}, x0Model.safeTimes(1e-3));
        PredictionField velocityModel = new PredictionField(mlp, Prediction.VELOCITY, new AffinePath(new CondOt()));
        assertArrayEquals(new double[] {0.0, 1 - 1e-3}, velocityModel.safeTimes(1e-3));
        velocityModel.velocity(new float[2], 1f, 1, new float[2]);
    }
}
