package flowplay.core.data;

import flowplay.core.rng.Rng;

/**
 * scikit-learn's {@code make_moons(noise=0.05)} as a distribution: an upper half circle of radius 1 at the origin and a
 * lower one shifted to (1, 0.5), each point picked on a uniform angle, plus isotropic Gaussian noise.
 */
public final class Moons implements Dataset {
    private final double noise;

    public Moons(double noise) {
        this.noise = noise;
    }

    @Override
    public String name() {
        return "moons";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public void sample(Rng rng, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            double angle = Math.PI * rng.nextDouble();
            boolean outer = rng.nextDouble() < 0.5;
            double x = outer ? Math.cos(angle) : 1.0 - Math.cos(angle);
            double y = outer ? Math.sin(angle) : 0.5 - Math.sin(angle);
            out[2 * i] = (float) (x + noise * rng.nextGaussian());
            out[2 * i + 1] = (float) (y + noise * rng.nextGaussian());
        }
    }
}
