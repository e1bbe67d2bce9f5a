package flowplay.core.data;

import flowplay.core.rng.Rng;

/** scikit-learn's {@code make_circles(factor=0.5, noise=0.05)}: two concentric circles of radius 1 and 0.5. */
public final class Circles implements Dataset {
    private final double factor;
    private final double noise;

    public Circles(double factor, double noise) {
        this.factor = factor;
        this.noise = noise;
    }

    @Override
    public String name() {
        return "circles";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public void sample(Rng rng, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            double angle = 2.0 * Math.PI * rng.nextDouble();
            double radius = rng.nextDouble() < 0.5 ? 1.0 : factor;
            out[2 * i] = (float) (radius * Math.cos(angle) + noise * rng.nextGaussian());
            out[2 * i + 1] = (float) (radius * Math.sin(angle) + noise * rng.nextGaussian());
        }
    }
}
