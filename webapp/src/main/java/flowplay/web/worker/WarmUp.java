package flowplay.web.worker;

import flowplay.core.metrics.EnergyDistance;
import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.path.AffinePath;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;

/**
 * A small solve and metric run once when a worker starts, on a network of the playground's default shape: the engines
 * compile hot loops to their fast tier only after running them for a while (WasmGC's first long call of a loop was
 * measured about 4× slower), and a worker starts with the page, long before its first panel, so that time is free.
 */
final class WarmUp {
    private static final int POINTS = 256;
    private static final int STEPS = 8;

    private WarmUp() {
    }

    static void run() {
        Mlp mlp = Mlp.init(new int[] {3, 64, 64, 64, 2}, Activation.ELU, new Rng(1));
        PredictionField field = new PredictionField(mlp, Prediction.VELOCITY, new AffinePath(new CondOt()));
        float[] x = new float[POINTS * 2];
        new Rng(2).fillGaussian(x, 0, x.length);
        float[] reference = x.clone();
        for (String solver : new String[] {"euler", "heun"}) {
            Sampler.run(field, Solvers.byName(solver, SolverParams.defaults()), x, POINTS, TimeGrid.uniform(0, 1, STEPS), null);
        }
        EnergyDistance.of(x, POINTS, reference, POINTS, 2);
    }
}
