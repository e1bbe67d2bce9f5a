package flowplay.web.gpu;

import flowplay.core.model.Mlp;
import flowplay.core.model.NetworkInput;
import flowplay.core.model.PredictionField;
import flowplay.core.path.Conversion;
import flowplay.core.prediction.Prediction;
import flowplay.core.solver.TimeGrid;

/**
 * Everything about a solve that depends on time but not on the point, computed once on the CPU for every stage of
 * every step and uploaded as one storage buffer, so the shader never evaluates a scheduler or a time embedding.
 *
 * <p>Record r = step·stages + stage holds {@value #HEADER} header floats — the step width h, the conversion coefficients
 * c_x(t) and c_q(t) of u = c_x·x + c_q·q (prediction → velocity), one unused — and then the first layer's effective bias:
 * b1 + W1[:, non-x columns]·[condition zeros, τ(t)], zero-padded to whole vec4s. Since the condition is all zeros and τ(t) is the same for every
 * point, the first layer on the GPU only needs the two x columns of W1.
 *
 * <p>The step times follow {@code FixedGrid}: t = (float) t_k and h = (float) (t_{k+1} − t_k); the stage times follow
 * {@link GpuSolver#stageTimes}.
 */
public final class StageTable {
    /** Floats before the effective bias in each record. */
    public static final int HEADER = 4;

    private StageTable() {
    }

    /** Floats per record for this field: header plus the first layer's width, padded to whole vec4s. */
    public static int recordSize(PredictionField field) {
        return HEADER + 4 * WeightPack.groups(field.mlp().sizes()[1]);
    }

    /** All records of a solve, record after record (steps × stages × {@link #recordSize}). */
    public static float[] build(PredictionField field, GpuSolver solver, TimeGrid grid) {
        int record = recordSize(field);
        int stages = solver.stages();
        float[] out = new float[grid.steps() * stages * record];
        for (int k = 0; k < grid.steps(); k++) {
            float t = (float) grid.time(k);
            float h = (float) (grid.time(k + 1) - grid.time(k));
            float[] times = solver.stageTimes(t, h);
            for (int s = 0; s < stages; s++) {
                write(field, times[s], h, out, (k * stages + s) * record);
            }
        }
        return out;
    }

    /** The stage times of the whole solve in record order (for tests and reports). */
    public static float[] times(GpuSolver solver, TimeGrid grid) {
        float[] out = new float[grid.steps() * solver.stages()];
        for (int k = 0; k < grid.steps(); k++) {
            float t = (float) grid.time(k);
            float h = (float) (grid.time(k + 1) - grid.time(k));
            System.arraycopy(solver.stageTimes(t, h), 0, out, k * solver.stages(), solver.stages());
        }
        return out;
    }

    /** One record at stage time t. Throws IllegalArgumentException where the conversion is singular, like the CPU. */
    static void write(PredictionField field, float t, float h, float[] out, int at) {
        Conversion c = field.path().conversion(field.prediction(), Prediction.VELOCITY, t);
        out[at] = h;
        out[at + 1] = (float) c.xCoefficient();
        out[at + 2] = (float) c.predictionCoefficient();
        out[at + 3] = 0f;
        effectiveBias(field, t, out, at + HEADER);
    }

    /**
     * b1 + W1[:, dim..]·[0…, τ(t)] into out[at..at+H1): the CPU adds the same products to the same bias (after the x
     * columns instead of before them, a difference of float rounding only).
     */
    static void effectiveBias(PredictionField field, float t, float[] out, int at) {
        Mlp mlp = field.mlp();
        NetworkInput input = field.input();
        int width = input.width();
        float[] row = new float[width];
        input.time().write(t, row, input.dim() + input.conditionDim()); // condition columns stay 0: nothing observed
        float[] w = mlp.weights()[0];
        float[] b = mlp.biases()[0];
        int units = mlp.sizes()[1];
        for (int j = 0; j < units; j++) {
            float acc = b[j];
            for (int i = input.dim(); i < width; i++) {
                acc += w[j * width + i] * row[i];
            }
            out[at + j] = acc;
        }
    }
}
