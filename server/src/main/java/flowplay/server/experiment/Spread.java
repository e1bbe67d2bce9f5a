package flowplay.server.experiment;

/** Mean and sample standard deviation of one measure over the training seeds (sd 0 for a single seed). */
public record Spread(double mean, double sd, int count) {
    public static Spread of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new Spread(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
    }
}
