package flowplay.core.coupling;

import flowplay.core.rng.Rng;

/**
 * A coupling π(x0, x1) of the source and data distributions, realised per training batch: the caller draws x0 ~ p(x0)
 * and x1 ~ p(x1) independently and the coupling decides which x0 goes with which x1.
 *
 * <p>Only x0 is changed, in place, so the caller's x1 order — and anything tied to it, such as labels — is kept. Arrays
 * are row-major n×dim.
 */
public interface Coupling {
    String name();

    /**
     * Re-pairs the batch in place: afterwards row i of {@code x0} is the source point paired with row i of {@code x1}.
     *
     * @return the per-point conditioning the network must also see (n×{@link #conditionDim(int)} floats, row-major), or
     *     null when {@link #conditionDim(int)} is 0
     */
    float[] pair(float[] x0, float[] x1, int n, int dim, Rng rng);

    /** Extra network inputs per point that {@link #pair} returns; 0 unless the coupling conditions on the data. */
    default int conditionDim(int dim) {
        return 0;
    }
}
