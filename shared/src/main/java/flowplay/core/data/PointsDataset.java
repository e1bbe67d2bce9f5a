package flowplay.core.data;

import flowplay.core.rng.Rng;

/**
 * A user's own 2-D points (drawn in the page or uploaded as CSV, see {@link PointsParser}) as a target distribution:
 * every sampled point is one of the fixed points, picked uniformly with replacement, plus optional jitter.
 *
 * <p>With {@code jitter} = 0 this is the empirical distribution of the points: a flow trained on it can only learn a sum
 * of spikes, and a long run memorises them. A small jitter σ adds independent N(0, σ²) noise to each coordinate of each
 * sampled point, i.e. samples a Gaussian kernel density estimate with bandwidth σ; for points drawn on the page's
 * [−3, 3]² view, σ of about 0.02–0.05 smooths a drawing without blurring its shape.
 */
public final class PointsDataset implements Dataset {
    private final float[] points;
    private final int count;
    private final double jitter;

    /**
     * @param points row-major (x, y) pairs, copied; at least one point, all finite
     * @param jitter std of the Gaussian noise added to each coordinate of a sampled point; 0 for none
     */
    public PointsDataset(float[] points, double jitter) {
        if (points.length < 2 || points.length % 2 != 0) {
            throw new IllegalArgumentException("points must hold at least one (x, y) pair, got " + points.length
                    + " values");
        }
        if (!(jitter >= 0) || Double.isInfinite(jitter)) {
            throw new IllegalArgumentException("jitter must be finite and >= 0, got " + jitter);
        }
        for (int i = 0; i < points.length; i++) {
            if (!Float.isFinite(points[i])) {
                throw new IllegalArgumentException("point " + (i / 2 + 1) + " is not finite: " + points[i]);
            }
        }
        this.points = points.clone();
        this.count = points.length / 2;
        this.jitter = jitter;
    }

    /** The number of fixed points. */
    public int size() {
        return count;
    }

    public double jitter() {
        return jitter;
    }

    @Override
    public String name() {
        return "points";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public void sample(Rng rng, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(count);
            double x = points[2 * k];
            double y = points[2 * k + 1];
            if (jitter > 0) {
                x += jitter * rng.nextGaussian();
                y += jitter * rng.nextGaussian();
            }
            out[2 * i] = (float) x;
            out[2 * i + 1] = (float) y;
        }
    }
}
