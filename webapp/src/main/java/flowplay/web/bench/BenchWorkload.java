package flowplay.web.bench;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.path.AffinePath;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.TimeGrid;
import flowplay.web.sampling.SamplingGrid;
import flowplay.web.sampling.SourceNoise;

/**
 * What every engine of the bench page computes: {@code points} source points x0 ~ N(0, I) moved by {@code steps} Euler
 * steps on [0, 1] through a velocity network MLP 3-64-64-64-2 (input concat(x, t), ELU, the settings table's default
 * activation) on the CondOT path, with weights from {@code Mlp.init(..., new Rng(seed))} and noise from
 * {@code Rng(seed + 1)}. Each engine runs it once with {@code warmupSteps} steps (same points) to warm up, then
 * {@code reps} timed runs; its speed is points × steps / the median time, in sample-steps per second.
 */
public final class BenchWorkload {
    public static final int[] SIZES = {3, 64, 64, 64, 2};
    public static final Activation ACTIVATION = Activation.ELU;
    public static final String SOLVER = "euler";

    public final int points;
    public final int steps;
    public final int reps;
    public final int warmupSteps;
    public final int seed;

    public BenchWorkload(int points, int steps, int reps, int warmupSteps, int seed) {
        if (points < 1 || steps < 1 || reps < 1 || warmupSteps < 1) {
            throw new IllegalArgumentException("points, steps, reps and warm-up steps must be at least 1: points=" + points
                    + " steps=" + steps + " reps=" + reps + " warmup=" + warmupSteps);
        }
        this.points = points;
        this.steps = steps;
        this.reps = reps;
        this.warmupSteps = warmupSteps;
        this.seed = seed;
    }

    /** The default warm-up: a fifth of the steps (at least 2, at most all), enough for the JIT tiers to settle. */
    public static int defaultWarmup(int steps) {
        return Math.min(steps, Math.max(2, steps / 5));
    }

    /** The network every engine evaluates: PyTorch's default initialisation from the seed. */
    public Mlp mlp() {
        return Mlp.init(SIZES, ACTIVATION, new Rng(seed));
    }

    /** The network as the page's sampler sees it: a velocity prediction on the CondOT path (the settings' defaults). */
    public static PredictionField field(Mlp mlp) {
        return new PredictionField(mlp, Prediction.VELOCITY, new AffinePath(new CondOt()));
    }

    /** The source points, row-major points×2, as the page draws them ({@link SourceNoise}). */
    public float[] noise() {
        return new SourceNoise().points(seed + 1L, points).clone();
    }

    /** The page's grid for this field: N equal steps on [0, 1] (a velocity field on condot is never clipped). */
    public static TimeGrid grid(PredictionField field, int steps) {
        return SamplingGrid.of(field, steps);
    }

    public double sampleSteps() {
        return (double) points * steps;
    }

    public String describe() {
        return points + " points × " + steps + " Euler steps, MLP 3-64-64-64-2 ELU, seed " + seed + "; warm-up " + warmupSteps
                + " steps, median of " + reps;
    }
}
