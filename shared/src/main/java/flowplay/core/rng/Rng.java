package flowplay.core.rng;

/**
 * SplitMix64. Chosen over {@link java.util.Random} so that the same seed gives the same numbers on the JVM and in the
 * TeaVM-compiled browser client, where a run's noise must be reproducible from the URL alone.
 */
public final class Rng {
    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    public Rng(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits, so that it never rounds up to 1 as a float. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [0, bound) without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long limit = Long.remainderUnsigned(-1L, bound);
        long r;
        do {
            r = nextLong();
        } while (Long.compareUnsigned(r, -1L - limit) > 0);
        return (int) Long.remainderUnsigned(r, bound);
    }

    /** Standard normal by Box–Muller; each pair of uniforms gives two normals. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u1;
        do {
            u1 = nextDouble();
        } while (u1 == 0.0);
        double u2 = nextDouble();
        double radius = Math.sqrt(-2.0 * Math.log(u1));
        double angle = 2.0 * Math.PI * u2;
        spareGaussian = radius * Math.sin(angle);
        hasSpare = true;
        return radius * Math.cos(angle);
    }

    public void fillGaussian(float[] out, int from, int count) {
        for (int i = from; i < from + count; i++) {
            out[i] = (float) nextGaussian();
        }
    }
}
