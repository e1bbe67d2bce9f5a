package flowplay.web.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.AffinePath;
import flowplay.core.path.Conversion;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Cosine;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.TimeGrid;
import org.junit.jupiter.api.Test;

class StageTableTest {
    private static PredictionField field(int[] sizes, Prediction prediction, TimeEmbedding time) {
        return new PredictionField(Mlp.init(sizes, Activation.ELU, new Rng(3)), prediction, new AffinePath(new Cosine()), time);
    }

    @Test
    void stageTimesFollowTheCoreSolversFloatArithmetic() {
        TimeGrid grid = TimeGrid.uniform(0, 1, 3);
        float h = (float) (grid.time(1) - grid.time(0));
        float t1 = (float) grid.time(1);
        assertArrayEquals(new float[] {0f, t1, (float) grid.time(2)}, StageTable.times(GpuSolver.EULER, grid));
        float[] rk4 = StageTable.times(GpuSolver.RK4, grid);
        assertEquals(12, rk4.length);
        assertEquals(t1, rk4[4]);
        assertEquals(t1 + 0.5f * h, rk4[5]);
        assertEquals(t1 + 0.5f * h, rk4[6]);
        assertEquals(t1 + h, rk4[7]);
        float[] midpoint = StageTable.times(GpuSolver.MIDPOINT, grid);
        assertArrayEquals(new float[] {0f, 0.5f * h}, new float[] {midpoint[0], midpoint[1]});
        float[] heun = StageTable.times(GpuSolver.HEUN, grid);
        assertEquals(0f + h, heun[1]);
    }

    @Test
    void recordsHoldStepWidthConversionAndEffectiveBias() {
        PredictionField f = field(new int[] {3, 8, 8, 2}, Prediction.X1, TimeEmbedding.LINEAR);
        TimeGrid grid = TimeGrid.uniform(0, 0.999, 4);
        float[] table = StageTable.build(f, GpuSolver.HEUN, grid);
        int record = StageTable.recordSize(f);
        assertEquals(StageTable.HEADER + 8, record);
        assertEquals(4 * 2 * record, table.length);
        // Step 2, stage 1 (heun's end point t + h).
        float t = (float) grid.time(2);
        float h = (float) (grid.time(3) - grid.time(2));
        float stageT = t + h;
        int at = (2 * 2 + 1) * record;
        Conversion c = f.path().conversion(Prediction.X1, Prediction.VELOCITY, stageT);
        assertEquals(h, table[at]);
        assertEquals((float) c.xCoefficient(), table[at + 1]);
        assertEquals((float) c.predictionCoefficient(), table[at + 2]);
        float[] w = f.mlp().weights()[0];
        float[] b = f.mlp().biases()[0];
        for (int j = 0; j < 8; j++) {
            assertEquals(b[j] + w[j * 3 + 2] * stageT, table[at + StageTable.HEADER + j], 1e-6);
        }
    }

    @Test
    void effectiveBiasMakesTheFirstLayerEqualToTheFullInputRow() {
        // Fourier time and a 2-column condition (zeros): b1 + W1·[x, 0, 0, τ(t)] = beff + W1[:, 0..1]·x.
        PredictionField f = field(new int[] {2 + 2 + 9, 6, 2}, Prediction.VELOCITY, TimeEmbedding.fourier(4));
        assertEquals(2, f.conditionDim());
        float t = 0.37f;
        float[] beff = new float[6];
        StageTable.effectiveBias(f, t, beff, 0);
        float[] row = new float[13];
        row[0] = 0.3f;
        row[1] = -1.2f;
        TimeEmbedding.fourier(4).write(t, row, 4);
        float[] w = f.mlp().weights()[0];
        float[] b = f.mlp().biases()[0];
        for (int j = 0; j < 6; j++) {
            double full = b[j];
            for (int i = 0; i < 13; i++) {
                full += w[j * 13 + i] * row[i];
            }
            double viaTable = beff[j] + w[j * 13] * row[0] + w[j * 13 + 1] * row[1];
            assertEquals(full, viaTable, 1e-5, "unit " + j);
        }
    }

    @Test
    void aSingularConversionThrowsLikeTheCpu() {
        PredictionField f = new PredictionField(Mlp.init(new int[] {3, 4, 2}, Activation.ELU, new Rng(1)), Prediction.X0,
                new AffinePath(new CondOt()));
        assertThrows(IllegalArgumentException.class, () -> StageTable.build(f, GpuSolver.EULER, TimeGrid.sampling(4)));
    }
}
