package flowplay.core.data;

import flowplay.core.rng.Rng;

/**
 * The uniform distribution on the square [lo, hi]², [−2, 2]² in the built-in {@code uniform} set: each coordinate
 * independent, mean (lo + hi)/2, variance (hi − lo)²/12 (4/3 for [−2, 2]). A target with no structure at all, useful to
 * see what a flow does with sharp edges. Fits the page's [−3, 3]² view.
 */
public final class UniformSquare implements Dataset {
    private final double lo;
    private final double hi;

    public UniformSquare(double lo, double hi) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("need lo < hi, got [" + lo + ", " + hi + "]");
        }
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public void sample(Rng rng, int n, float[] out) {
        double width = hi - lo;
        for (int i = 0; i < 2 * n; i++) {
            out[i] = (float) (lo + width * rng.nextDouble());
        }
    }
}
