package flowplay.core.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the points at each grid time. Only the first {@code maxPoints} rows are kept, so that a large batch
 * integrated over many steps cannot exhaust memory (the browser draws a few hundred paths at most).
 */
public final class Trajectory {
    private final int maxPoints;
    private final List<float[]> frames = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();
    private int points = -1;
    private int dim = -1;

    public Trajectory(int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1, was " + maxPoints);
        }
        this.maxPoints = maxPoints;
    }

    /** Keeps every point. */
    public static Trajectory all() {
        return new Trajectory(Integer.MAX_VALUE);
    }

    /** Called by the solvers with the current n×dim points at time t. */
    public void record(double t, float[] x, int n, int dim) {
        int kept = Math.min(n, maxPoints);
        if (points < 0) {
            points = kept;
            this.dim = dim;
        } else if (kept != points || dim != this.dim) {
            throw new IllegalArgumentException("frame of " + kept + "×" + dim + " points after frames of " + points + "×" + this.dim);
        }
        float[] frame = new float[kept * dim];
        System.arraycopy(x, 0, frame, 0, frame.length);
        frames.add(frame);
        times.add(t);
    }

    public int frameCount() {
        return frames.size();
    }

    /** Points per frame (0 before the first frame). */
    public int points() {
        return Math.max(points, 0);
    }

    public int dim() {
        return Math.max(dim, 0);
    }

    public double time(int k) {
        return times.get(k);
    }

    /** Frame k, row-major points()×dim(); the caller must not modify it. */
    public float[] frame(int k) {
        return frames.get(k);
    }
}
