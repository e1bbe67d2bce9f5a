package flowplay.core.data;

import flowplay.core.rng.Rng;

/**
 * The "2spirals" toy set of FFJORD: two interleaved arms of an Archimedean spiral, one the point reflection of the other.
 *
 * <p>Definition: s = √u · 3π with u ~ U[0, 1) (540° of turn, denser towards the outer end per unit angle so that points
 * are roughly uniform along the arm); the first arm is (−s cos s + a, s sin s + b) with offsets a, b ~ U[0, 0.5), the
 * second arm is its negation; each arm is picked with probability ½ (FFJORD takes exactly half a batch from each); the
 * point is divided by 3 and Gaussian noise of std {@code noise} (0.1 in the usual set) is added to each coordinate.
 *
 * <p>Every point is thus within 0.5·√2/3 ≈ 0.236 of the analytic curve ±(−s cos s, s sin s)/3 before the noise. The
 * distribution is symmetric under p → −p (mean 0). Scale: the arms reach radius π ≈ 3.14 (plus the offsets and noise), so
 * the outermost turn slightly overflows the page's [−3, 3]² view.
 */
public final class TwoSpirals implements Dataset {
    /** Largest spiral parameter: 540° in radians. */
    public static final double MAX_TURN = 3.0 * Math.PI;
    /** The whole set is divided by this. */
    public static final double DIVISOR = 3.0;
    /** Upper bound of the uniform offsets added to each coordinate before the division. */
    public static final double OFFSET = 0.5;

    private final double noise;

    /** @param noise std of the Gaussian noise added after the division; 0.1 in the usual set */
    public TwoSpirals(double noise) {
        this.noise = noise;
    }

    @Override
    public String name() {
        return "2spirals";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public void sample(Rng rng, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(rng.nextDouble()) * MAX_TURN;
            double x = -Math.cos(s) * s + OFFSET * rng.nextDouble();
            double y = Math.sin(s) * s + OFFSET * rng.nextDouble();
            if (rng.nextDouble() < 0.5) {
                x = -x;
                y = -y;
            }
            out[2 * i] = (float) (x / DIVISOR + noise * rng.nextGaussian());
            out[2 * i + 1] = (float) (y / DIVISOR + noise * rng.nextGaussian());
        }
    }
}
