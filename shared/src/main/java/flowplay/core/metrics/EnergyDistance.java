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
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException("both sets need at least one point, had " + n + " and " + m);
        }
        double xy = MeanDistance.between(x, n, y, m, dim);
        double xx = MeanDistance.between(x, n, x, n, dim);
        double yy = MeanDistance.between(y, m, y, m, dim);
        return 2 * xy - xx - yy;
    }
}
