package flowplay.core.metrics;

/**
 * How straight sampled trajectories are: S = mean over points of |x(t_K) − x(t_0)|² / ((t_K − t_0) · ∫|u|² dt).
 *
 * <p>By Cauchy–Schwarz |∫u dt|² ≤ (t_K − t_0) ∫|u|² dt, with equality exactly for a straight path at constant speed, so
 * S ∈ [0, 1] and S = 1 means one Euler step would be exact. (On [0, 1] the factor t_K − t_0 is 1 and S is the issue's
 * |x1 − x0|² / ∫|u|² dt.) The integral is taken from the recorded frames with the velocity on each interval
 * approximated by the chord, u ≈ Δx_k/Δt_k, giving ∫|u|² ≈ Σ_k |Δx_k|²/Δt_k; the same inequality holds for this sum,
 * so the discrete S stays in [0, 1] and is 1 for equally spaced collinear frames. A point that never moves counts as
 * straight (S = 1).
 */
public final class Straightness {
    private Straightness() {
    }

    /**
     * @param trajectory frames of n×dim floats, frame k at offset k·n·dim (the layout {@code Sampler.integrate} records)
     * @param times the time of each frame, strictly increasing; its length is the number of frames (at least 2)
     */
    public static double of(float[] trajectory, double[] times, int n, int dim) {
        int frames = times.length;
        if (frames < 2) {
            throw new IllegalArgumentException("need at least 2 frames, had " + frames);
        }
        if (trajectory.length < (long) frames * n * dim) {
            throw new IllegalArgumentException("trajectory holds " + trajectory.length + " floats, " + frames
                    + " frames need " + ((long) frames * n * dim));
        }
        for (int k = 1; k < frames; k++) {
            if (!(times[k] > times[k - 1])) {
                throw new IllegalArgumentException("times must increase strictly; times[" + k + "] = " + times[k]
                        + " after " + times[k - 1]);
            }
        }
        int frame = n * dim;
        double span = times[frames - 1] - times[0];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double chord = 0;
            double energy = 0;
            for (int d = 0; d < dim; d++) {
                double diff = (double) trajectory[(frames - 1) * frame + i * dim + d] - trajectory[i * dim + d];
                chord += diff * diff;
            }
            for (int k = 0; k + 1 < frames; k++) {
                double step = 0;
                for (int d = 0; d < dim; d++) {
                    double diff = (double) trajectory[(k + 1) * frame + i * dim + d] - trajectory[k * frame + i * dim + d];
                    step += diff * diff;
                }
                energy += step / (times[k + 1] - times[k]);
            }
            total += energy > 0 ? chord / (span * energy) : 1.0;
        }
        return total / n;
    }

    /** For a uniform grid of {@code steps} steps on [0, 1], as {@code Sampler.integrate} records. */
    public static double ofUniformGrid(float[] trajectory, int steps, int n, int dim) {
        double[] times = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            times[k] = (double) k / steps;
        }
        return of(trajectory, times, n, dim);
    }
}
