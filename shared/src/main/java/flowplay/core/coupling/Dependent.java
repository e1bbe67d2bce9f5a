package flowplay.core.coupling;

import flowplay.core.rng.Rng;

/**
 * The data-dependent coupling of inpainting, π = p(x0 | x1) p(x1): for a mask m drawn per point,
 * x0 = m ⊙ x1 + (1 − m) ⊙ noise, where the noise is the x0 the caller drew. The flow then only has to move the unknown
 * coordinates, and at sampling time the observed part is the start point itself.
 *
 * <p>The network cannot tell observed from unknown coordinates by value, so {@link #pair} returns the mask (n×dim,
 * row-major, 1 = observed) and the network input becomes <b>concat(x_t, m, t)</b>: dim coordinates of x_t, then dim
 * mask entries, then t — input size 2·dim + 1. A checkpoint of such a model records the coupling and this layout in its
 * metadata; at sampling time the caller builds x0 the same way from the observation and its mask.
 */
public final class Dependent implements Coupling {
    private final MaskGenerator masks;

    public Dependent(MaskGenerator masks) {
        this.masks = masks;
    }

    @Override
    public String name() {
        return "dependent";
    }

    public MaskGenerator masks() {
        return masks;
    }

    @Override
    public int conditionDim(int dim) {
        return dim;
    }

    @Override
    public float[] pair(float[] x0, float[] x1, int n, int dim, Rng rng) {
        float[] mask = new float[n * dim];
        masks.sample(rng, n, dim, mask);
        apply(mask, x0, x1, n, dim);
        return mask;
    }

    /** x0 ← m ⊙ x1 + (1 − m) ⊙ x0; also what a sampler does to start from an observation. */
    public static void apply(float[] mask, float[] x0, float[] x1, int n, int dim) {
        for (int k = 0; k < n * dim; k++) {
            x0[k] = mask[k] * x1[k] + (1f - mask[k]) * x0[k];
        }
    }
}
