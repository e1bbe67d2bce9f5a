package flowplay.web.sampling;

import flowplay.core.model.PredictionField;
import flowplay.core.prediction.Prediction;
import flowplay.core.solver.TimeGrid;

/**
 * The time grid the page integrates a checkpoint on: N equal steps on [0, 1], pulled in to [eps, 1 − eps] at an end
 * where the network's prediction cannot be turned into a finite velocity (x0 on condot at t=0, score at t=1, …), as
 * {@code AffinePath.safeTimes(prediction, velocity, eps)} says. The e2e tests rebuild the same grid on the JVM from {@link #EPS}.
 */
public final class SamplingGrid {
    /** How far the grid stays from a singular end. */
    public static final double EPS = 1e-3;

    private SamplingGrid() {
    }

    public static TimeGrid of(PredictionField field, int steps) {
        // Only the velocity matters for sampling (PredictionField.safeTimes also keeps the score finite).
        double[] safe = field.path().safeTimes(field.prediction(), Prediction.VELOCITY, EPS);
        return TimeGrid.uniform(safe[0], safe[1], steps);
    }

    /** "0..1", or e.g. "0.001..1" for a clipped grid: what {@code #stats[data-grid]} shows. */
    public static String label(TimeGrid grid) {
        return number(grid.start()) + ".." + number(grid.end());
    }

    private static String number(double t) {
        if (t == 0 || t == 1) {
            return t == 0 ? "0" : "1";
        }
        return Double.toString(t);
    }
}
