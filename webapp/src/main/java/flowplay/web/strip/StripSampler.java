package flowplay.web.strip;

import flowplay.core.metrics.EnergyDistance;
import flowplay.core.metrics.SlicedWasserstein;
import flowplay.core.model.PredictionField;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.sampling.SamplingPlan;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolveResult;
import flowplay.web.sampling.SamplingGrid;
import flowplay.web.sampling.SourceNoise;

/**
 * The numbers of one strip panel, free of the page so they run on the JVM too: the model integrated from the shared
 * noise with N steps of a solver (the grid the main picture uses), and the distance of the result to the data set.
 * One buffer serves every panel: a panel is drawn as soon as it is computed, so its samples are not needed afterwards.
 */
public final class StripSampler {
    /** The metric ids of the {@code stripMetric} setting. */
    public static final String ENERGY = "energy";
    public static final String SLICED_W2 = "sliced-w2";

    private float[] x = new float[0];
    /** E|Y − Y'| of the last reference set measured by energy distance: the same data set serves every panel. */
    private float[] withinFor;
    private int withinCount;
    private double within;

    /** One panel's result: steps asked, function evaluations spent, distance to the data (NaN if samples diverged). */
    public record Panel(int steps, int nfe, double metric) {
    }

    /**
     * Integrates the first n points of {@code noise} with {@code steps} steps of the configured solver (dopri5 adapts its
     * own steps inside the grid; em draws its noise afresh from the config's seed), on the config's schedule, and
     * measures them against {@code reference} (m points).
     */
    public Panel run(PredictionField field, SampleConfig config, int steps, float[] noise, int n, float[] reference, int m,
            String metric) {
        int dim = SourceNoise.DIM;
        if (x.length < n * dim) {
            x = new float[n * dim];
        }
        System.arraycopy(noise, 0, x, 0, n * dim);
        SamplingPlan plan = config.plan(field, SamplingGrid.EPS);
        SolveResult result = Sampler.run(plan.field(), config.integrator(), x, n, plan.grid(steps), null);
        return new Panel(steps, result.nfe(), measure(metric, x, n, reference, m));
    }

    /** {@link #distance}, with the reference set's own energy term computed once per reference set. */
    double measure(String metric, float[] samples, int n, float[] reference, int m) {
        double yy = referenceWithin(metric, samples, n, reference, m);
        if (Double.isNaN(yy)) {
            return distance(metric, samples, n, reference, m);
        }
        return EnergyDistance.of(samples, n, reference, m, SourceNoise.DIM, yy);
    }

    /**
     * E|Y − Y'| of the reference set, the one term of the energy distance shared by every panel, when these samples'
     * distance is {@code EnergyDistance.of(samples, n, reference, m, 2, it)}; NaN when it is not (another metric, no
     * reference yet, a diverged sample), and {@link #distance} decides.
     */
    double referenceWithin(String metric, float[] samples, int n, float[] reference, int m) {
        if (SLICED_W2.equals(metric) || m == 0 || !allFinite(samples, n)) {
            return Double.NaN;
        }
        if (reference != withinFor || m != withinCount) {
            within = EnergyDistance.withinMean(reference, m, SourceNoise.DIM);
            withinFor = reference;
            withinCount = m;
        }
        return within;
    }

    /** The samples of the last {@link #run} (its first n points). */
    public float[] samples() {
        return x;
    }

    /** The chosen distance; NaN when a sample is not finite (a diverged solve), which the metrics would not report. */
    public static double distance(String metric, float[] samples, int n, float[] reference, int m) {
        if (!allFinite(samples, n)) {
            return Double.NaN;
        }
        if (m == 0) {
            return Double.NaN; // a file data set whose points have not arrived yet
        }
        if (SLICED_W2.equals(metric)) {
            return SlicedWasserstein.squared(samples, n, reference, m, SourceNoise.DIM);
        }
        return EnergyDistance.of(samples, n, reference, m, SourceNoise.DIM);
    }

    private static boolean allFinite(float[] samples, int n) {
        for (int i = 0; i < n * SourceNoise.DIM; i++) {
            if (!Float.isFinite(samples[i])) {
                return false;
            }
        }
        return true;
    }
}
