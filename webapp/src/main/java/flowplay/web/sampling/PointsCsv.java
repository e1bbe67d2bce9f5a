package flowplay.web.sampling;

/** Points as CSV: one point per line, coordinates separated by commas, no header — the CLI's {@code sample --out} format. */
public final class PointsCsv {
    private PointsCsv() {
    }

    /** The first n rows of row-major n×dim points. */
    public static String write(float[] points, int n, int dim) {
        StringBuilder csv = new StringBuilder(n * dim * 12);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                if (d > 0) {
                    csv.append(',');
                }
                csv.append(points[i * dim + d]);
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
