package flowplay.server.experiment;

import java.util.List;
import java.util.Locale;

/**
 * The sample grid as SVG: one row per model and sampler, the data in the first column, then the samples after
 * 1, 2, 4 and 8 function evaluations, all on the same source noise and in the same box. Each point is a zero-length
 * round-capped segment of one path, which keeps a cell of hundreds of points to a few kilobytes.
 */
final class SampleGrid {
    /** Points drawn per cell: enough to see the shape, few enough to keep the file small. */
    static final int POINTS = 400;
    private static final int CELL = 120;
    private static final int LEFT = 190;
    private static final int TOP = 40;
    private static final int GAP = 8;

    /** One row: its label and the samples at each of {@link WhyFastConfig#GRID_NFES} (null where missing). */
    record Row(String label, float[][] samples) {
    }

    private SampleGrid() {
    }

    static String svg(String title, float[] data, List<Row> rows) {
        double half = halfExtent(data);
        int columns = 1 + WhyFastConfig.GRID_NFES.length;
        int width = LEFT + columns * (CELL + GAP);
        int height = TOP + rows.size() * (CELL + GAP) + 10;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"11\">\n", width, height, width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(LogLogChart.text(8, 16, 13, "start", "bold", title));
        for (int c = 0; c < columns; c++) {
            String head = c == 0 ? "data" : "NFE " + WhyFastConfig.GRID_NFES[c - 1];
            s.append(LogLogChart.text(LEFT + c * (CELL + GAP) + CELL / 2.0, TOP - 6, 11, "middle", "bold", head));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y = TOP + r * (CELL + GAP);
            s.append(LogLogChart.text(LEFT - 8, y + CELL / 2.0 + 4, 11, "end", "normal", row.label()));
            cell(s, LEFT, y, data, half, "#94a3b8");
            for (int c = 0; c < row.samples().length; c++) {
                if (row.samples()[c] != null) {
                    cell(s, LEFT + (c + 1) * (CELL + GAP), y, row.samples()[c], half, "#6d28d9");
                }
            }
        }
        return s.append("</svg>\n").toString();
    }

    private static void cell(StringBuilder s, int x0, int y0, float[] xy, double half, String colour) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f8fafc\" stroke=\"#cbd5e1\"/>\n",
                x0, y0, CELL, CELL));
        StringBuilder d = new StringBuilder();
        int n = Math.min(POINTS, xy.length / 2);
        for (int i = 0; i < n; i++) {
            double px = (xy[2 * i] + half) / (2 * half) * CELL;
            double py = (half - xy[2 * i + 1]) / (2 * half) * CELL;
            if (px >= 0 && px <= CELL && py >= 0 && py <= CELL) {
                d.append(String.format(Locale.ROOT, "M%.1f %.1fh0", x0 + px, y0 + py));
            }
        }
        s.append("<path d=\"").append(d).append("\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2.2\" stroke-linecap=\"round\" fill=\"none\" opacity=\"0.7\"/>\n");
    }

    /** Half the side of the square box: the data's largest coordinate plus a margin, so the data fills most of it. */
    static double halfExtent(float[] data) {
        double max = 0;
        for (float v : data) {
            max = Math.max(max, Math.abs(v));
        }
        return max > 0 ? 1.15 * max : 1;
    }
}
