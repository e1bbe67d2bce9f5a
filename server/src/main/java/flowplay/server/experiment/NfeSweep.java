package flowplay.server.experiment;

import flowplay.core.metrics.EnergyDistance;
import flowplay.core.metrics.SlicedWasserstein;
import flowplay.core.metrics.Straightness;
import flowplay.core.model.PredictionField;
import flowplay.core.rng.Rng;
import flowplay.core.sampling.SamplingPlan;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.Trajectory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures one trained model: the reference solve (dopri5, tight tolerance) of the run's source noise, then every
 * solver at every NFE of the sweep on that same noise — its error to the reference and its distance to the data.
 * Every solve of the model is on the same interval (its {@link SamplingPlan}), so errors compare like with like.
 */
final class NfeSweep {
    /**
     * Straightness is read off the rk4 solve at this NFE (32 steps, 33 frames): accurate to well under its differences
     * between models, and no extra solve.
     */
    static final int STRAIGHTNESS_NFE = 128;

    private final float[] reference;
    private final double referenceWithin;
    private final int n;
    private final int dim;
    private final double noise;

    /**
     * @param reference a fresh draw of n data points, the target of the distances
     * @param noise     g of the stochastic sampler
     */
    NfeSweep(float[] reference, int n, int dim, double noise) {
        this.reference = reference;
        this.referenceWithin = EnergyDistance.withinMean(reference, n, dim);
        this.n = n;
        this.dim = dim;
        this.noise = noise;
    }

    /** The sweep's rows, the reference's stats, and the samples of the grid NFEs (key "solver@nfe"). */
    record Result(List<SweepPoint> points, ModelStats stats, Map<String, float[]> gridSamples) {
    }

    Result run(String dataset, Recipe recipe, long seed, ModelTraining.Trained trained, double floor) {
        PredictionField field = trained.checkpoint().velocityField();
        float[] x0 = new float[n * dim];
        new Rng(WhyFastConfig.NOISE_SEED + seed).fillGaussian(x0, 0, x0.length);

        // The stochastic sampler also needs the score, which may be singular at another end: one plan for all solves.
        SamplingPlan plan = SamplingPlan.of(field, null, recipe.alsoStochastic(), SamplingPlan.DEFAULT_EPS);
        // One interval: dopri5 picks every step itself, so its NFE is the adaptive cost Lipman et al. compare.
        float[] exact = x0.clone();
        SolverParams tight = SolverParams.defaults().withTolerances(WhyFastConfig.REFERENCE_TOLERANCE, WhyFastConfig.REFERENCE_TOLERANCE);
        SolveResult ref = Sampler.run(plan.field(), Solvers.byName("dopri5", tight), exact, n, plan.grid(1), null);

        List<SweepPoint> points = new ArrayList<>();
        double straightness = Double.NaN;
        Map<String, float[]> grid = new LinkedHashMap<>();
        for (String solver : recipe.solvers()) {
            boolean stochastic = WhyFastConfig.STOCHASTIC.equals(solver);
            SolverParams params = stochastic ? SolverParams.defaults().withNoise(noise, WhyFastConfig.NOISE_SEED + seed + 1) : SolverParams.defaults();
            int perStep = stochastic ? 1 : Solvers.byName(solver).evaluationsPerStep();
            for (int nfe : WhyFastConfig.NFES) {
                if (nfe % perStep != 0) {
                    continue;
                }
                int steps = nfe / perStep;
                float[] x = x0.clone();
                Trajectory path = nfe == STRAIGHTNESS_NFE && "rk4".equals(solver) ? new Trajectory(n) : null;
                Sampler.run(plan.field(), Solvers.byName(solver, params), x, n, plan.grid(steps), path);
                if (path != null) {
                    straightness = straightness(path);
                }
                double error = stochastic ? Double.NaN : meanDistance(x, exact);
                points.add(new SweepPoint(dataset, recipe.id(), seed, solver, nfe, steps, error, energy(x), sw2(x)));
                if (nfe <= WhyFastConfig.GRID_NFES[WhyFastConfig.GRID_NFES.length - 1] && ("euler".equals(solver) || stochastic)) {
                    grid.put(solver + "@" + nfe, x);
                }
            }
        }
        ModelStats stats = new ModelStats(dataset, recipe.id(), seed, ref.nfe(), straightness, energy(exact), sw2(exact), floor,
                trained.seconds(), trained.finalLoss());
        return new Result(points, stats, grid);
    }

    private double energy(float[] x) {
        return EnergyDistance.of(x, n, reference, n, dim, referenceWithin);
    }

    private double sw2(float[] x) {
        return SlicedWasserstein.squared(x, n, reference, n, dim);
    }

    private double meanDistance(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int d = 0; d < dim; d++) {
                double diff = (double) x[i * dim + d] - y[i * dim + d];
                s += diff * diff;
            }
            sum += Math.sqrt(s);
        }
        return sum / n;
    }

    private double straightness(Trajectory path) {
        int frames = path.frameCount();
        float[] flat = new float[frames * n * dim];
        double[] times = new double[frames];
        for (int k = 0; k < frames; k++) {
            System.arraycopy(path.frame(k), 0, flat, k * n * dim, n * dim);
            times[k] = path.time(k);
        }
        return Straightness.of(flat, times, n, dim);
    }
}
