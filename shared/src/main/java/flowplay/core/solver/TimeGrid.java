package flowplay.core.solver;

/**
 * The times a solver steps through: t_0, …, t_N, strictly increasing (sampling, noise → data) or strictly decreasing
 * (likelihoods, data → noise). Adaptive solvers treat the times as the points where they must land and report.
 * {@link #clipped()} says the grid was pulled in from 0 and 1 to keep a prediction that is singular at an endpoint
 * finite, so that outputs can say they did not integrate the whole interval.
 */
public final class TimeGrid {
    private final double[] times;
    private final boolean clipped;

    private TimeGrid(double[] times, boolean clipped) {
        if (times.length < 2) {
            throw new IllegalArgumentException("a time grid needs at least two times, had " + times.length);
        }
        double direction = Math.signum(times[1] - times[0]);
        for (int k = 0; k < times.length; k++) {
            if (!(Math.abs(times[k]) < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("time " + k + " is not finite: " + times[k]);
            }
            if (k > 0 && (direction == 0 || Math.signum(times[k] - times[k - 1]) != direction)) {
                throw new IllegalArgumentException("times must be strictly monotone, but t[" + (k - 1) + "] = " + times[k - 1]
                        + " and t[" + k + "] = " + times[k]);
            }
        }
        this.times = times;
        this.clipped = clipped;
    }

    /** N equal steps from t0 to t1 (either direction). */
    public static TimeGrid uniform(double t0, double t1, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        double[] times = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            // From the index, not by accumulating h, so the last time is exactly t1.
            times[k] = k == steps ? t1 : t0 + (t1 - t0) * k / steps;
        }
        return new TimeGrid(times, false);
    }

    /** N equal steps from 0 to 1, the sampling direction. */
    public static TimeGrid sampling(int steps) {
        return uniform(0, 1, steps);
    }

    /**
     * N equal steps on [eps, 1 − eps] (or from 1 − eps down to eps when {@code backward}), for predictions that divide
     * by α_t or σ_t. eps = 0 gives the plain grid, not marked clipped.
     */
    public static TimeGrid clipped(int steps, double eps, boolean backward) {
        if (!(eps >= 0 && eps < 0.5)) {
            throw new IllegalArgumentException("eps must be in [0, 0.5), was " + eps);
        }
        TimeGrid plain = backward ? uniform(1 - eps, eps, steps) : uniform(eps, 1 - eps, steps);
        return eps == 0 ? plain : new TimeGrid(plain.times, true);
    }

    /** A custom grid; the times must be strictly monotone. */
    public static TimeGrid of(double... times) {
        return new TimeGrid(times.clone(), false);
    }

    /** The same times in the opposite order, e.g. to undo a sampling run. */
    public TimeGrid reversed() {
        double[] r = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            r[k] = times[times.length - 1 - k];
        }
        return new TimeGrid(r, clipped);
    }

    public int steps() {
        return times.length - 1;
    }

    public double time(int k) {
        return times[k];
    }

    public double start() {
        return times[0];
    }

    public double end() {
        return times[times.length - 1];
    }

    public boolean forward() {
        return times[1] > times[0];
    }

    public boolean clipped() {
        return clipped;
    }

    public double[] times() {
        return times.clone();
    }
}
