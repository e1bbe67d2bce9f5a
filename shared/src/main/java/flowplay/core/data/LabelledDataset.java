package flowplay.core.data;

import flowplay.core.rng.Rng;

/** A data set whose points carry a class label in [0, classes): what a class-conditional model trains on. */
public interface LabelledDataset extends Dataset {
    int classes();

    /** Writes n points (row-major n×dim) into {@code out} and their labels into {@code labels}. */
    void sample(Rng rng, int n, float[] out, int[] labels);

    @Override
    default void sample(Rng rng, int n, float[] out) {
        sample(rng, n, out, new int[n]);
    }
}
