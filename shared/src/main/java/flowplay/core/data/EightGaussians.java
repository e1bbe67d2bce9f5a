package flowplay.core.data;

import flowplay.core.rng.Rng;

/**
 * The "8 gaussians" toy set of the FFJORD and conditional-flow-matching literature: eight unit directions at 45° steps
 * scaled by 4, Gaussian noise of std 0.5, the whole divided by √2 (centres at radius ≈ 2.83, std ≈ 0.35).
 */
public final class EightGaussians implements Dataset {
    private static final double SCALE = 4.0;
    private static final double STD = 0.5;

    @Override
    public String name() {
        return "8gaussians";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public void sample(Rng rng, int n, float[] out) {
        double shrink = 1.0 / Math.sqrt(2.0);
        for (int i = 0; i < n; i++) {
            double angle = rng.nextInt(8) * Math.PI / 4.0;
            double x = SCALE * Math.cos(angle) + STD * rng.nextGaussian();
            double y = SCALE * Math.sin(angle) + STD * rng.nextGaussian();
            out[2 * i] = (float) (x * shrink);
            out[2 * i + 1] = (float) (y * shrink);
        }
    }
}
