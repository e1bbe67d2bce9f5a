package flowplay.core.metrics;

/**
 * Energy distance (Székely &amp; Rizzo) between point sets X (n points) and Y (m points) of the same dimension:
 * 2·E|X − Y| − E|X − X'| − E|Y − Y'| with Euclidean |·|.
 *
 * <p>This is the <b>V-statistic</b>: the within-set means divide by n² and m² and include the zero diagonal. That makes
 * it exactly the energy distance between the two empirical distributions, so it is never negative and is 0 only for
 * identical multisets; its bias, about (E|X−X'|/n + E|Y−Y'|/m), vanishes as the sets grow. O((n+m)²) time.
 */
public final class EnergyDistance {
    private EnergyDistance() {
    }

    public static double of(float[] x, int n, float[] y, int m, int dim) {
        checkSizes(n, m);
        return of(x, n, y, m, dim, withinMean(y, m, dim));
    }

    /**
     * The same with E|Y − Y'| given, from {@link #withinMean} of the same Y: a caller measuring many sample sets against
     * one reference set pays for the reference's m² term once.
     */
    public static double of(float[] x, int n, float[] y, int m, int dim, double yy) {
        checkSizes(n, m);
        double xy = MeanDistance.between(x, n, y, m, dim);
        double xx = MeanDistance.within(x, n, dim);
        return 2 * xy - xx - yy;
    }

    /** E|Y − Y'| over all m² ordered pairs of Y (the V-statistic's within-set term). */
    public static double withinMean(float[] y, int m, int dim) {
        return MeanDistance.within(y, m, dim);
    }

    private static void checkSizes(int n, int m) {
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException("both sets need at least one point, had " + n + " and " + m);
        }
    }
}
