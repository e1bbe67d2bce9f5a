package flowplay.web.sampling;

import flowplay.core.data.Datasets;
import flowplay.core.rng.Rng;

/**
 * The data set preview drawn faintly behind the samples, generated once per data set with a fixed seed, so switching
 * back and forth shows the same points.
 */
public final class ReferencePoints {
    /** Enough points to show the shape, few enough to stay in the background. */
    private static final int COUNT = 1500;
    private static final long SEED = 7;

    private String dataset;
    private float[] points;

    /** Row-major (x, y) points of the named data set; empty for a name the core does not know. */
    public float[] of(String dataset) {
        if (!dataset.equals(this.dataset)) {
            float[] p;
            try {
                p = new float[COUNT * SourceNoise.DIM];
                Datasets.byName(dataset).sample(new Rng(SEED), COUNT, p);
            } catch (IllegalArgumentException e) {
                p = new float[0];
            }
            this.dataset = dataset;
            this.points = p;
        }
        return points;
    }
}
