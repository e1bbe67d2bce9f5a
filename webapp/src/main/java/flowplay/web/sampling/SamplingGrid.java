package flowplay.web.sampling;

import flowplay.core.model.PredictionField;
import flowplay.core.sampling.SamplingPlan;
import flowplay.core.solver.TimeGrid;

/**
 * The time grid the page integrates a checkpoint on: N equal steps on [0, 1], pulled in to [eps, 1 − eps] at an end
 * where the network's prediction cannot be turned into a finite velocity (x0 on condot at t=0, score at t=1, …), as
 * {@code AffinePath.safeTimes(prediction, velocity, eps)} says. The e2e tests rebuild the same grid on the JVM from {@link #EPS}.
 */
public final class SamplingGrid {
    /** How far the grid stays from a singular end. */
    public static final double EPS = SamplingPlan.DEFAULT_EPS;

    private SamplingGrid() {
    }

    public static TimeGrid of(PredictionField field, int steps) {
        // Only the velocity matters for sampling (PredictionField.safeTimes also keeps the score finite).
        return SamplingPlan.of(field, null, false, EPS).grid(steps);
    }

    /**
     * "0..1", or e.g. "0.001..1" for a clipped grid: what {@code #stats[data-grid]} shows. Ends to 6 decimals, because
     * a clipped end is the float just inside eps (0.0010000000475 for 1e-3), which says nothing more.
     */
    public static String label(TimeGrid grid) {
        return number(grid.start()) + ".." + number(grid.end());
    }

    private static String number(double t) {
        if (t == 0 || t == 1) {
            return t == 0 ? "0" : "1";
        }
        return Double.toString(Math.round(t * 1e6) / 1e6);
    }
}
