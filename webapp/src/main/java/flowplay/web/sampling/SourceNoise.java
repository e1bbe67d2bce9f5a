package flowplay.web.sampling;

import flowplay.core.rng.Rng;

/**
 * The source points x0 ~ N(0, I), generated once per (seed, count): every checkpoint and every solver setting is
 * integrated from the same x0, so differences on screen come from the model or the solver, never from new noise.
 */
public final class SourceNoise {
    public static final int DIM = 2;

    private long seed = Long.MIN_VALUE;
    private int count = -1;
    private float[] points;

    /** The noise for these settings; the same array as long as they do not change. Callers must not modify it. */
    public float[] points(long seed, int count) {
        if (seed != this.seed || count != this.count) {
            float[] p = new float[count * DIM];
            new Rng(seed).fillGaussian(p, 0, p.length);
            this.seed = seed;
            this.count = count;
            this.points = p;
        }
        return points;
    }
}
