package flowplay.web.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.TimeGrid;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingGridTest {

    private static TimeGrid grid(Prediction prediction) {
        Mlp mlp = Mlp.init(new int[] {3, 4, 2}, Activation.ELU, new Rng(1));
        return SamplingGrid.of(Checkpoint.of(mlp, new CondOt(), prediction, Map.of()).velocityField(), 8);
    }

    @Test
    void velocityNetworksIntegrateTheWholeInterval() {
        TimeGrid g = grid(Prediction.VELOCITY);
        assertEquals("0..1", SamplingGrid.label(g));
        assertEquals(8, g.steps());
    }

    @Test
    void predictionsThatDivideByZeroAtAnEndAreClippedThere() {
        // condot: x0 → velocity divides by α_t = t (t=0), x1 → velocity by σ_t = 1 − t (t=1).
        assertEquals("0.001..1", SamplingGrid.label(grid(Prediction.X0)));
        assertEquals("0..0.999", SamplingGrid.label(grid(Prediction.X1)));
        TimeGrid score = grid(Prediction.SCORE);
        assertTrue(score.start() > 0, "score on condot is singular at t=0: " + SamplingGrid.label(score));
        assertFalse(score.start() >= score.end());
    }
}
