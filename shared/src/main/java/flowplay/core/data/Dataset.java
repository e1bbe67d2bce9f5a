package flowplay.core.data;

import flowplay.core.rng.Rng;

/** A target distribution p(x1) that can be sampled without end: training draws a fresh batch every step. */
public interface Dataset {
    String name();

    int dim();

    /** Writes n points, row-major n×dim, into {@code out}. */
    void sample(Rng rng, int n, float[] out);
}
