package flowplay.core.coupling;

import flowplay.core.rng.Rng;

/**
 * Keeps each coordinate independently with probability {@code keep}: the generic mask for point data such as the 2-D
 * toy sets, where "inpainting" means completing a point from some of its coordinates.
 */
public final class CoordinateMask implements MaskGenerator {
    private final double keep;

    public CoordinateMask(double keep) {
        if (!(keep >= 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep must be in [0, 1], was " + keep);
        }
        this.keep = keep;
    }

    @Override
    public String name() {
        return "coordinates";
    }

    @Override
    public void sample(Rng rng, int n, int dim, float[] out) {
        for (int k = 0; k < n * dim; k++) {
            out[k] = rng.nextDouble() < keep ? 1f : 0f;
        }
    }
}
