package flowplay.core.training;

import flowplay.core.data.Datasets;
import flowplay.core.model.NetworkInput;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.Scheduler;
import flowplay.core.path.Schedulers;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingBatchTest {
    /** Every row is x_t = α_t·x1 + σ_t·x0 and its target the prediction's closed form in (x0, x1, t), on every path. */
    @Test
    void rowsAndTargetsAreTheClosedForms() {
        for (String name : Schedulers.names()) {
            Scheduler s = Schedulers.byName(name);
            for (Prediction p : Prediction.values()) {
                TrainingBatch batch = batch(new Objective(s, p, LossWeight.NONE, "independent", Map.of(), TimeSampler.uniform()), 64, 5);
                for (int i = 0; i < 64; i++) {
                    double t = batch.times()[i];
                    assertEquals(t, batch.input()[i * 3 + 2]);
                    for (int j = 0; j < 2; j++) {
                        double x1 = batch.x1()[i * 2 + j];
                        double x0 = batch.x0()[i * 2 + j];
                        assertEquals(s.alpha(t) * x1 + s.sigma(t) * x0, batch.input()[i * 3 + j], 1e-5, name + " x_t");
                        double expected = p.x1Coefficient(s, t) * x1 + p.x0Coefficient(s, t) * x0;
                        assertTrue(Double.isFinite(expected), name + " " + p.id() + " t=" + t);
                        assertEquals(expected, batch.target()[i * 2 + j], 1e-5 * (1 + Math.abs(expected)), name + " " + p.id());
                    }
                }
            }
        }
    }

    @Test
    void scoreTimesStayAwayFromTheEndWhereSigmaIsZero() {
        TrainingBatch batch = batch(new Objective(new CondOt(), Prediction.SCORE, LossWeight.SIGMA2, "independent", Map.of(),
                new TimeSampler(TimeSampler.LOGIT_NORMAL, 4.0, 2.0)), 4096, 1);
        for (int i = 0; i < 4096; i++) {
            float t = batch.times()[i];
            assertTrue(t <= 1 - TrainingBatch.END_EPS + 1e-7, "t=" + t);
            assertEquals((1 - t) * (1 - t), batch.weights()[i], 1e-5);
        }
    }

    /** Dependent coupling: observed coordinates (mask 1) sit still at x1 on condot, so their velocity target is 0. */
    @Test
    void maskedCoordinatesAreGivenToTheNetworkAndDoNotMove() {
        Objective objective = new Objective(new CondOt(), Prediction.VELOCITY, LossWeight.NONE, "dependent", Map.of("keep", "0.5"),
                TimeSampler.uniform());
        NetworkInput layout = new NetworkInput(2, 2, TimeEmbedding.fourier(2));
        TrainingBatch batch = new TrainingBatch(objective, layout, 256);
        batch.draw(Datasets.byName("moons"), new Rng(8));
        assertNull(batch.weights());
        int observed = 0;
        for (int i = 0; i < 256; i++) {
            for (int j = 0; j < 2; j++) {
                float m = batch.input()[i * 9 + 2 + j];
                assertTrue(m == 0f || m == 1f);
                if (m == 1f) {
                    observed++;
                    assertEquals(0f, batch.target()[i * 2 + j], 1e-6);
                }
            }
        }
        assertTrue(observed > 200 && observed < 312, "about half the coordinates observed: " + observed);
    }

    private static TrainingBatch batch(Objective objective, int n, long seed) {
        TrainingBatch batch = new TrainingBatch(objective, new NetworkInput(2, 0, TimeEmbedding.LINEAR), n);
        batch.draw(Datasets.byName("moons"), new Rng(seed));
        return batch;
    }
}
