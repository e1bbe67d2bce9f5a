package flowplay.web.bench;

import java.util.Arrays;

/** One engine's timed runs: the seconds of each, the final points of the last run, and a note (backend details). */
public final class BenchResult {
    public final double[] seconds;
    public final float[] samples;
    public final String note;

    public BenchResult(double[] seconds, float[] samples, String note) {
        this.seconds = seconds;
        this.samples = samples;
        this.note = note == null ? "" : note;
    }

    public double medianSeconds() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    /** points × steps / median seconds. */
    public double sampleStepsPerSecond(BenchWorkload w) {
        return w.sampleSteps() / medianSeconds();
    }

    /** The seconds of each timed run, comma-separated, as the page writes them. */
    public String secondsList() {
        StringBuilder b = new StringBuilder();
        for (double s : seconds) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(s);
        }
        return b.toString();
    }

    public static double[] parseSeconds(String list) {
        String[] parts = list.split(",");
        double[] s = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            s[i] = Double.parseDouble(parts[i].trim());
        }
        return s;
    }

    /** max |a − b| over the first {@code count} values; NaN anywhere gives NaN. */
    public static double maxAbsDiff(float[] a, float[] b, int count) {
        double max = 0;
        for (int i = 0; i < count; i++) {
            double d = Math.abs((double) a[i] - (double) b[i]);
            if (!(d <= max)) {
                if (Double.isNaN(d)) {
                    return Double.NaN;
                }
                max = d;
            }
        }
        return max;
    }
}
