package flowplay.core.path;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.prediction.Prediction;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Cosine;
import flowplay.core.path.scheduler.Polynomial;
import flowplay.core.path.scheduler.Vp;
import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleTransformTest {
    private static final double[] MU = {1.0, -0.5};
    private static final double S = 0.5;

    private static float[] gaussian(Rng rng, int count) {
        float[] out = new float[count];
        rng.fillGaussian(out, 0, count);
        return out;
    }

    /** The oracle of A, moved to B, must be the oracle of B: both are the exact marginal velocity of the same p_t family. */
    @Test
    void condOtOracleTransformedToCosineIsTheCosineOracle() {
        Rng rng = new Rng(21);
        int n = 100;
        ScheduleTransform moved = new ScheduleTransform(new GaussianOracle(MU, S, new CondOt()), new CondOt(), new Cosine());
        GaussianOracle direct = new GaussianOracle(MU, S, new Cosine());
        for (int i = 0; i <= 20; i++) {
            float t = i == 20 ? 0.999f : i / 20f;
            float[] x = gaussian(rng, n * 2);
            float[] a = new float[n * 2];
            float[] b = new float[n * 2];
            moved.velocity(x, t, n, a);
            direct.velocity(x, t, n, b);
            for (int j = 0; j < n * 2; j++) {
                assertEquals(b[j], a[j], 1e-5 * Math.max(1, Math.abs(b[j])), "t=" + t);
            }
        }
    }

    @Test
    void everySchedulerPairMapsOracleToOracle() {
        Rng rng = new Rng(22);
        int n = 20;
        for (Scheduler from : TestSchedulers.all()) {
            for (Scheduler to : TestSchedulers.all()) {
                ScheduleTransform moved = new ScheduleTransform(new GaussianOracle(MU, S, from), from, to);
                GaussianOracle direct = new GaussianOracle(MU, S, to);
                double[] safe = moved.safeTimes(1e-3);
                for (int i = 0; i <= 10; i++) {
                    float t = (float) (safe[0] + 1e-3 + (safe[1] - safe[0] - 2e-3) * i / 10.0);
                    float[] x = gaussian(rng, n * 2);
                    float[] a = new float[n * 2];
                    float[] b = new float[n * 2];
                    moved.velocity(x, t, n, a);
                    direct.velocity(x, t, n, b);
                    for (int j = 0; j < n * 2; j++) {
                        assertEquals(b[j], a[j], 2e-4 * Math.max(1, Math.abs(b[j])),
                                TestSchedulers.label(from) + " → " + TestSchedulers.label(to) + " t=" + t);
                    }
                }
            }
        }
    }

    /**
     * For any field, not just the oracle: the B-trajectory is the rescaled A-trajectory, x̄_t = s_t·x_{t_A(t)}. Integrating
     * a random network both ways from the same start must agree, and since s → 1 at t → 1 the samples at the end are the same.
     */
    @Test
    void aRandomNetworkKeepsItsEndpointsUnderTheTransform() {
        Rng rng = new Rng(23);
        Mlp mlp = Mlp.init(new int[] {3, 32, 32, 2}, Activation.TANH, rng);
        Scheduler from = new CondOt();
        Scheduler to = new Cosine();
        ScheduleTransform moved = new ScheduleTransform(new PredictionField(mlp, Prediction.VELOCITY, new AffinePath(from)), from, to);
        int n = 50;
        float[] start = gaussian(rng, n * 2);
        double end = 1 - 1e-4;
        float[] viaB = start.clone();
        TestSchedulers.rk4(moved, viaB, n, 0.0, end, 400);
        float[] viaA = start.clone();
        ScheduleTransform.Coefficients last = moved.coefficients(end);
        TestSchedulers.rk4(new PredictionField(mlp, Prediction.VELOCITY, new AffinePath(from)), viaA, n, 0.0, last.timeA(), 400);
        for (int j = 0; j < n * 2; j++) {
            assertEquals(last.scale() * viaA[j], viaB[j], 2e-4, "point " + j);
        }
        assertEquals(1.0, last.scale(), 1e-3);
        assertEquals(1.0, moved.coefficients(0.0).scale(), 1e-12);
        assertEquals(0.0, moved.coefficients(0.0).timeA(), 1e-12);
    }

    @Test
    void transformedOracleStillCarriesNoiseToTheData() {
        Rng rng = new Rng(24);
        int n = 4000;
        ScheduleTransform moved = new ScheduleTransform(new GaussianOracle(MU, S, new CondOt()), new CondOt(), new Cosine());
        float[] x = gaussian(rng, n * 2);
        TestSchedulers.rk4(moved, x, n, 0.0, 1 - 1e-5, 300);
        for (int d = 0; d < 2; d++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * 2 + d] / (double) n;
                sq += x[i * 2 + d] * (double) x[i * 2 + d] / n;
            }
            assertEquals(MU[d], mean, 0.04);
            assertEquals(S, Math.sqrt(sq - mean * mean), 0.03);
        }
    }

    @Test
    void safeTimesAndSingularEnds() {
        ScheduleTransform condotToCosine = new ScheduleTransform(new GaussianOracle(MU, S, new CondOt()), new CondOt(), new Cosine());
        assertArrayEquals(new double[] {0.0, 1 - 1e-3}, condotToCosine.safeTimes(1e-3));
        float[] out = new float[2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> condotToCosine.velocity(new float[] {0f, 0f}, 1f, 1, out));
        assertTrue(e.getMessage().contains("condot → cosine schedule change is undefined at t=1"), e.getMessage());
        // t^2 has zero SNR slope at 0, so the time change t_A(t) ~ sqrt(t) starts with infinite speed
        ScheduleTransform toPolynomial = new ScheduleTransform(new GaussianOracle(MU, S, new Polynomial(2)), new Polynomial(2), new CondOt());
        assertEquals(1e-3, toPolynomial.safeTimes(1e-3)[0], 0.0);
        // vp never reaches zero SNR: a condot-time grid starts where condot reaches vp's starting SNR
        Vp vp = new Vp();
        ScheduleTransform fromVp = new ScheduleTransform(new GaussianOracle(MU, S, vp), vp, new CondOt());
        double lo = fromVp.safeTimes(1e-3)[0];
        assertEquals(vp.snr(0) / (1 + vp.snr(0)), lo, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> fromVp.velocity(new float[] {0f, 0f}, (float) (lo / 2), 1, out));
    }
}
