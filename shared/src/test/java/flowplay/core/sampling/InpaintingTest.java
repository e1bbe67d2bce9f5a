package flowplay.core.sampling;

import flowplay.core.model.Activation;
import flowplay.core.model.Condition;
import flowplay.core.model.ConditionalField;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.path.AffinePath;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class InpaintingTest {
    /** Every solver, adaptive dopri5 included: observed values come back bit for bit, the rest is the flow's. */
    @Test
    void observedValuesComeBackExactlyOnEverySolver() {
        int n = 6;
        int dim = 4;
        Rng rng = new Rng(21);
        float[] observed = new float[n * dim];
        rng.fillGaussian(observed, 0, observed.length);
        float[] mask = new float[n * dim];
        for (int k = 0; k < mask.length; k++) {
            mask[k] = k % 3 == 0 ? 1f : 0f;
        }
        for (String solver : Solvers.names()) {
            PredictionField raw = new PredictionField(Mlp.init(new int[] {2 * dim + 1, 16, dim}, Activation.TANH, new Rng(4)),
                    Prediction.VELOCITY, new AffinePath(new CondOt()));
            ConditionalField field = new ConditionalField(raw, Condition.MASK);
            float[] x = new float[n * dim];
            new Rng(5).fillGaussian(x, 0, x.length);
            float[] noise = x.clone();
            Inpainting.solve(field, mask, observed, x, n, Solvers.byName(solver, SolverParams.defaults()), TimeGrid.sampling(8));
            for (int k = 0; k < x.length; k++) {
                if (mask[k] == 1f) {
                    assertEquals(Float.floatToIntBits(observed[k]), Float.floatToIntBits(x[k]), solver + " coordinate " + k);
                } else {
                    assertNotEquals(noise[k], x[k], solver + " coordinate " + k + " must move");
                }
            }
            // Afterwards the field observes nothing again: the velocity is the network's everywhere.
            float[] after = new float[n * dim];
            field.velocity(noise, 0.5f, n, after);
            float[] plain = new float[n * dim];
            raw.condition(new float[n * dim]);
            raw.velocity(noise, 0.5f, n, plain);
            assertArrayEquals(plain, after, 0f, solver);
        }
    }
}
