package flowplay.web.inpaint;

/**
 * Equal bins over [lo, hi) as densities (each bin's share of the values divided by the bin width), so the model's
 * samples and the data near the line, of different counts, are drawn on one scale. Values outside are not counted but
 * still belong to the total: the bars show where the mass inside the range lies, honestly smaller when some left it.
 */
public record Histogram(double lo, double hi, double[] density) {

    public static Histogram of(float[] values, int n, double lo, double hi, int bins) {
        if (!(hi > lo) || bins < 1) {
            throw new IllegalArgumentException("a histogram needs lo < hi and at least one bin, was [" + lo + ", " + hi + "), " + bins);
        }
        double[] d = new double[bins];
        if (n == 0) {
            return new Histogram(lo, hi, d);
        }
        double width = (hi - lo) / bins;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (v >= lo && v < hi) {
                d[Math.min(bins - 1, (int) ((v - lo) / width))] += 1;
            }
        }
        for (int b = 0; b < bins; b++) {
            d[b] /= n * width;
        }
        return new Histogram(lo, hi, d);
    }

    public int bins() {
        return density.length;
    }

    public double max() {
        double m = 0;
        for (double v : density) {
            m = Math.max(m, v);
        }
        return m;
    }
}
