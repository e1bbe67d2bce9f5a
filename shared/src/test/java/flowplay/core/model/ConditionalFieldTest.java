package flowplay.core.model;

import flowplay.core.coupling.Dependent;
import flowplay.core.path.AffinePath;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Cosine;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.Solvers;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionalFieldTest {
    private static final int DIM = 3;
    private static final int CLASSES = 4;
    private static final int TIME = 1;

    private static PredictionField field(Condition c, Prediction prediction, int seed) {
        Mlp mlp = Mlp.init(new int[] {DIM + c.width(DIM) + TIME, 24, DIM}, Activation.TANH, new Rng(seed));
        return new PredictionField(mlp, prediction, new AffinePath(new Cosine()));
    }

    /** Guidance: (1 + w)·u(x, t | c) − w·u(x, t | ∅), each read off the network with its own condition rows. */
    @Test
    void guidedVelocityExtrapolatesFromTheUnlabelledOne() {
        Condition c = Condition.classes(CLASSES);
        PredictionField raw = field(c, Prediction.X1, 5);
        ConditionalField guided = new ConditionalField(field(c, Prediction.X1, 5), c);
        float[] x = {0.3f, -1f, 0.5f, 2f, 0.1f, -0.4f};
        int[] labels = {3, Condition.NO_LABEL};
        double w = 2.5;
        guided.labels(labels, w);
        float[] out = new float[6];
        guided.velocity(x, 0.4f, 2, out);

        float[] rows = new float[2 * CLASSES];
        c.fill(null, labels, 2, DIM, rows);
        raw.condition(rows);
        float[] cond = new float[6];
        raw.velocity(x, 0.4f, 2, cond);
        raw.condition(new float[2 * CLASSES]);
        float[] uncond = new float[6];
        raw.velocity(x, 0.4f, 2, uncond);
        for (int k = 0; k < 6; k++) {
            assertEquals((1 + w) * cond[k] - w * uncond[k], out[k], 1e-5, "coordinate " + k);
        }
        // A point asked for ∅ gets the unlabelled velocity whatever w is.
        for (int k = 3; k < 6; k++) {
            assertEquals(uncond[k], out[k], 1e-5);
        }
        guided.labels(labels, 0);
        guided.velocity(x, 0.4f, 2, out);
        assertArrayEquals(cond, out, 0f, "w = 0 is the conditional field");
    }

    /** Inpainting: started at x0 = m⊙x1 + (1−m)⊙noise, the observed coordinates end bit for bit where they began. */
    @Test
    void observedCoordinatesStayExactlyFixedOnEverySolver() {
        Condition c = new Condition(true, CLASSES);
        int n = 5;
        Rng rng = new Rng(9);
        float[] x1 = new float[n * DIM];
        rng.fillGaussian(x1, 0, x1.length);
        float[] mask = new float[n * DIM];
        for (int k = 0; k < mask.length; k++) {
            mask[k] = rng.nextInt(2);
        }
        for (String solver : Solvers.fixedStepNames()) {
            ConditionalField f = new ConditionalField(field(c, Prediction.VELOCITY, 11), c);
            f.observe(mask);
            f.labels(new int[] {0, 1, 2, 3, Condition.NO_LABEL}, 1.5);
            float[] x = new float[n * DIM];
            new Rng(3).fillGaussian(x, 0, x.length);
            Dependent.apply(mask, x, x1, n, DIM);
            Sampler.integrate(f, Solvers.byName(solver), x, n, 7, null);
            int moved = 0;
            for (int k = 0; k < mask.length; k++) {
                if (mask[k] == 1f) {
                    assertEquals(Float.floatToIntBits(x1[k]), Float.floatToIntBits(x[k]), solver + " moved observed coordinate " + k);
                } else if (x[k] != x1[k]) {
                    moved++;
                }
            }
            assertTrue(moved > 0, solver + ": the hidden coordinates must move");
        }
    }

    @Test
    void refusesWhatTheModelWasNotTrainedFor() {
        ConditionalField plain = new ConditionalField(field(Condition.NONE, Prediction.VELOCITY, 1), Condition.NONE);
        assertThrows(IllegalArgumentException.class, () -> plain.observe(new float[DIM]));
        assertThrows(IllegalArgumentException.class, () -> plain.labels(new int[1], 1));
        ConditionalField labelled = new ConditionalField(field(Condition.classes(CLASSES), Prediction.VELOCITY, 1),
                Condition.classes(CLASSES));
        assertThrows(IllegalArgumentException.class, () -> labelled.labels(new int[1], -1));
        assertThrows(IllegalArgumentException.class, () -> labelled.labels(new int[1], Double.NaN));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> new ConditionalField(field(Condition.classes(CLASSES), Prediction.VELOCITY, 1), Condition.MASK));
        assertTrue(wrong.getMessage().contains("reads 4 condition values per point, mask has 3"), wrong.getMessage());
    }

    /** The condot velocity of the dependent coupling is already 0 on observed coordinates; zeroing there changes nothing else. */
    @Test
    void hiddenCoordinatesGetTheNetworksVelocity() {
        Condition c = Condition.MASK;
        PredictionField raw = new PredictionField(Mlp.init(new int[] {DIM + DIM + TIME, 16, DIM}, Activation.ELU, new Rng(2)),
                Prediction.VELOCITY, new AffinePath(new CondOt()));
        ConditionalField f = new ConditionalField(raw, c);
        float[] mask = {1, 0, 0};
        f.observe(mask);
        float[] x = {0.5f, 0.1f, -0.2f};
        float[] out = new float[3];
        f.velocity(x, 0.25f, 1, out);
        raw.condition(mask);
        float[] direct = new float[3];
        raw.velocity(x, 0.25f, 1, direct);
        assertEquals(0f, out[0], 0f);
        assertEquals(direct[1], out[1], 0f);
        assertEquals(direct[2], out[2], 0f);
    }
}
