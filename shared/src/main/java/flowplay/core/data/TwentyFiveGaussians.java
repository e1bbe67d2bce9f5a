package flowplay.core.data;

import flowplay.core.rng.Rng;

/**
 * The "25 gaussians" toy set of the WGAN-GP toy experiments, later used across the GAN and flow literature: 25 equally
 * likely isotropic Gaussians of std 0.05 centred on the grid 2·{−2, −1, 0, 1, 2}², the whole divided by 2.828 (≈ 2√2).
 *
 * <p>After the division the centres are at {@link #SPACING}·(i, j), i, j ∈ {−2..2}, with spacing 2/2.828 ≈ 0.707 (so
 * the grid spans ±1.414) and each mode has std 0.05/2.828 ≈ 0.0177. Mean 0; each mode gets 1/25 of the points.
 */
public final class TwentyFiveGaussians implements Dataset {
    /** The literature's divisor ("stdev" in the original code): 2.828, not exactly 2√2. */
    public static final double DIVISOR = 2.828;
    /** Distance between neighbouring centres after the division. */
    public static final double SPACING = 2.0 / DIVISOR;
    /** Standard deviation of each mode after the division. */
    public static final double MODE_STD = 0.05 / DIVISOR;

    @Override
    public String name() {
        return "25gaussians";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public void sample(Rng rng, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            int mode = rng.nextInt(25);
            int gx = mode / 5 - 2;
            int gy = mode % 5 - 2;
            double x = 2.0 * gx + 0.05 * rng.nextGaussian();
            double y = 2.0 * gy + 0.05 * rng.nextGaussian();
            out[2 * i] = (float) (x / DIVISOR);
            out[2 * i + 1] = (float) (y / DIVISOR);
        }
    }
}
