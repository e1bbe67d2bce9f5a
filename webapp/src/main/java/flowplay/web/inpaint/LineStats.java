package flowplay.web.inpaint;

/**
 * What the tests and the caption read from one inpainting: how far the fixed coordinate strayed from the line (0 when
 * the observation is kept), and the mean and (population) standard deviation of the inpainted coordinate.
 */
public record LineStats(int count, double maxDeviation, double mean, double std) {

    /** Statistics of n points (n×2) against the line. NaN deviations count as infinite, so they never pass as 0. */
    public static LineStats of(float[] points, int n, FixedLine line) {
        double deviation = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float fixed = points[2 * i + line.axis()];
            double d = Math.abs((double) fixed - line.value());
            deviation = Math.max(deviation, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
            sum += points[2 * i + line.free()];
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = points[2 * i + line.free()] - mean;
            squares += d * d;
        }
        return new LineStats(n, deviation, mean, n == 0 ? 0 : Math.sqrt(squares / n));
    }

    /** Statistics of plain values (the data's inpainted coordinate near the line): deviation 0 by definition. */
    public static LineStats ofValues(float[] values, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        return new LineStats(n, 0, mean, n == 0 ? 0 : Math.sqrt(squares / n));
    }
}
