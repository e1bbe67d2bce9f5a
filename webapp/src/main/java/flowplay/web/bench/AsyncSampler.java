package flowplay.web.bench;

import flowplay.core.model.PredictionField;
import flowplay.core.solver.TimeGrid;

import java.util.function.Consumer;

/**
 * A sampler that may finish later (a GPU readback, a promise): integrates {@code n} points of {@code noise} (row-major
 * n×dim, not modified) across {@code grid} with the named solver and hands the final points to {@code done}, or a
 * message to {@code failed}. The shape of {@code flowplay.web.gpu.GpuSampler.sample}, so that sampler plugs into
 * {@link TimedRuns} as it is (see {@link GpuComputeSlot}).
 */
public interface AsyncSampler {
    void sample(PredictionField field, String solver, TimeGrid grid, float[] noise, int n, Consumer<float[]> done,
            Consumer<String> failed);
}
