package flowplay.core.data;

import flowplay.core.rng.Rng;

/**
 * The "pinwheel" toy set of FFJORD (after the pinwheel of Johnson et al.'s structured VAEs): five curved arms.
 *
 * <p>Definition: arm k ~ uniform on {0..4} (FFJORD takes exactly a fifth of a batch per arm); a feature
 * (r, τ) = (1 + 0.3·ε₁, 0.1·ε₂) with ε standard normal (radial std 0.3, tangential std 0.1); the angle
 * a = 2πk/5 + 0.25·e^r; the feature, as a row vector, is multiplied by the matrix [[cos a, −sin a], [sin a, cos a]] and
 * by 2: the point is 2·(r cos a + τ sin a, −r sin a + τ cos a), i.e. the feature rotated clockwise by a.
 *
 * <p>So a point at distance ρ ≈ 2r from the origin lies at polar angle ≈ −(2πk/5 + 0.25·e^{ρ/2}): the arms bend as they
 * move out. Scale: ρ ≈ 2·(1 ± 0.3), beyond 3 for about 5% of the points (r > 1.5), so the arm tips slightly overflow the
 * page's [−3, 3]² view.
 */
public final class Pinwheel implements Dataset {
    public static final int ARMS = 5;
    public static final double RADIAL_STD = 0.3;
    public static final double TANGENTIAL_STD = 0.1;
    public static final double RATE = 0.25;
    public static final double SCALE = 2.0;

    @Override
    public String name() {
        return "pinwheel";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public void sample(Rng rng, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            int arm = rng.nextInt(ARMS);
            double r = 1.0 + RADIAL_STD * rng.nextGaussian();
            double tau = TANGENTIAL_STD * rng.nextGaussian();
            double a = 2.0 * Math.PI * arm / ARMS + RATE * Math.exp(r);
            double cos = Math.cos(a);
            double sin = Math.sin(a);
            out[2 * i] = (float) (SCALE * (r * cos + tau * sin));
            out[2 * i + 1] = (float) (SCALE * (-r * sin + tau * cos));
        }
    }
}
