package flowplay.core.coupling;

import flowplay.core.rng.Rng;

/**
 * Draws inpainting masks for {@link Dependent}: 1 marks a coordinate that is observed (kept from the data), 0 one the
 * model must fill in. An extension point because what a sensible "hole" is depends on the data's layout (points vs
 * images).
 */
public interface MaskGenerator {
    String name();

    /** Writes n masks of dim entries each, every entry 0 or 1, into {@code out} (row-major n×dim). */
    void sample(Rng rng, int n, int dim, float[] out);
}
