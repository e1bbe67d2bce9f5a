package flowplay.core.data;

import flowplay.core.rng.Rng;

/**
 * The 2-D "swissroll" toy set of FFJORD: scikit-learn's {@code make_swiss_roll(noise=1.0)} (without hole) projected on
 * its (x, z) coordinates and divided by 5.
 *
 * <p>Definition: t = 1.5π·(1 + 2u), u ~ U[0, 1), so t ∈ [1.5π, 4.5π) (one and a half turns); the point is
 * ((t cos t + noise·ε₁) / 5, (t sin t + noise·ε₂) / 5) with ε standard normal. (The dropped y coordinate, the roll's
 * height 21·U[0, 1), does not affect the projection.) Without noise the radius is t/5 at polar angle t: it grows
 * linearly from 0.94 to 2.83 as the angle turns through 3π.
 *
 * <p>Scale: radius up to 2.83 plus noise of std {@code noise}/5 (0.2 in the usual set): fits the page's [−3, 3]² view
 * except for a few noisy points of the outer turn.
 */
public final class SwissRoll implements Dataset {
    /** The whole set is divided by this. */
    public static final double DIVISOR = 5.0;
    public static final double MIN_T = 1.5 * Math.PI;
    public static final double MAX_T = 4.5 * Math.PI;

    private final double noise;

    /** @param noise std of the Gaussian noise in make_swiss_roll's units, before the division by 5; 1.0 in the usual set */
    public SwissRoll(double noise) {
        this.noise = noise;
    }

    @Override
    public String name() {
        return "swissroll";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public void sample(Rng rng, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            double t = MIN_T + (MAX_T - MIN_T) * rng.nextDouble();
            double x = t * Math.cos(t) + noise * rng.nextGaussian();
            double z = t * Math.sin(t) + noise * rng.nextGaussian();
            out[2 * i] = (float) (x / DIVISOR);
            out[2 * i + 1] = (float) (z / DIVISOR);
        }
    }
}
