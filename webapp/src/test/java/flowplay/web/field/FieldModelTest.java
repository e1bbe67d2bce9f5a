package flowplay.web.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Layers and singular times on small random networks of every prediction. */
class FieldModelTest {
    private static final int N = 64;

    private static FieldModel model(Prediction prediction) {
        Mlp mlp = Mlp.init(new int[] {3, 16, 2}, Activation.ELU, new Rng(7));
        float[] noise = new float[2 * N];
        new Rng(1).fillGaussian(noise, 0, noise.length);
        float[] data = new float[2 * 10];
        new Rng(2).fillGaussian(data, 0, data.length);
        return new FieldModel(Checkpoint.of(mlp, new CondOt(), prediction, Map.of()).velocityField(), noise, N, data, 10, 3);
    }

    @Test
    void arrowsOfAnX0ModelAtTZeroAreDrawnAtTheClampedTime() {
        // x0 → velocity divides by α_t = t on condot.
        FieldPicture p = model(Prediction.X0).picture(FieldLayer.ARROWS, 0);
        assertTrue(p.clamped);
        assertEquals(0.001, p.tUsed, 1e-12);
        assertEquals(FieldModel.ARROW_GRID * FieldModel.ARROW_GRID, p.arrows.count());
        FieldPicture inside = model(Prediction.X0).picture(FieldLayer.ARROWS, 0.4);
        assertFalse(inside.clamped);
        assertEquals(0.4, inside.tUsed);
    }

    @Test
    void predictedX1IsClampedOnlyWhereTheConversionIsSingular() {
        // velocity → x1 on condot is x_t + (1 − t)·u: finite on [0, 1]; x0 → x1 is (x_t − σ_t·x0)/α_t: singular at t=0.
        FieldPicture v = model(Prediction.VELOCITY).picture(FieldLayer.X1, 1);
        assertFalse(v.clamped);
        FieldPicture x0 = model(Prediction.X0).picture(FieldLayer.X1, 0);
        assertTrue(x0.clamped);
        assertEquals(0.001, x0.tUsed, 1e-12);
    }

    @Test
    void x1CloudOfAnX1ModelIsTheNetworkOutput() {
        FieldModel m = model(Prediction.X1);
        FieldPicture p = m.picture(FieldLayer.X1, 0.3);
        assertFalse(p.clamped);
        assertEquals(N, p.pointCount);
        float[] raw = new float[2 * N];
        m.field().predict(p.faint, 0.3f, N, raw);
        for (int j = 0; j < 2 * N; j++) {
            assertEquals(raw[j], p.points[j], 1e-6f);
        }
    }

    @Test
    void modelPathStartsAtTheNoiseAndDataPathFollowsTheFormula() {
        FieldModel m = model(Prediction.VELOCITY);
        FieldPicture start = m.picture(FieldLayer.PATH_MODEL, 0);
        FieldPicture data = m.picture(FieldLayer.PATH_DATA, 0);
        for (int j = 0; j < 2 * N; j++) {
            assertEquals(data.points[j], start.points[j], 1e-6f, "both start at the same noise");
        }
        assertEquals(N, start.pointCount);
    }

    @Test
    void densityLayerIsEmptyUntilComputed() {
        FieldModel m = model(Prediction.VELOCITY);
        assertNull(m.picture(FieldLayer.DENSITY, 0.2).density);
        m.computeDensity();
        FieldPicture p = m.picture(FieldLayer.DENSITY, 0.2);
        assertEquals(1, p.t);
        assertEquals(FieldModel.DENSITY_GRID * FieldModel.DENSITY_GRID, p.density.density().length);
    }

    @Test
    void densityIsAtOneUnlessTheVelocityIsSingularThere() {
        assertFalse(model(Prediction.VELOCITY).picture(FieldLayer.DENSITY, 0.5).clamped, "velocity needs no clamping");
        FieldPicture x1 = model(Prediction.X1).picture(FieldLayer.DENSITY, 0.5);
        assertTrue(x1.clamped, "x1 → velocity divides by σ_t = 0 at t=1");
        assertEquals(0.999, x1.tUsed, 1e-12);
    }
}
