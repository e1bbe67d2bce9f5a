package flowplay.web.bench;

import flowplay.core.model.PredictionField;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;

import java.util.function.Consumer;

/**
 * The page's CPU sampler under test: the core {@link Sampler#run} with the named solver on the CPU, the same call the
 * page makes for its main picture (without recording paths). Synchronous; compiled to JavaScript in bench.js and to
 * WasmGC in bench.wasm.
 */
public final class CpuSampler implements AsyncSampler {
    @Override
    public void sample(PredictionField field, String solver, TimeGrid grid, float[] noise, int n, Consumer<float[]> done,
            Consumer<String> failed) {
        float[] x = new float[n * field.dim()];
        System.arraycopy(noise, 0, x, 0, x.length);
        Sampler.run(field, Solvers.byName(solver, SolverParams.defaults()), x, n, grid, null);
        done.accept(x);
    }
}
