package flowplay.server.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A row of log–log panels as one SVG: NFE (1…128, base 2) across, a measure (decades) up, one line per series with
 * error bars of ± one seed standard deviation, and an optional dashed floor. All panels share the y range so that
 * they compare at a glance.
 */
final class LogLogChart {
    private static final int PANEL_W = 250;
    private static final int PANEL_H = 210;
    private static final int LEFT = 58;
    private static final int TOP = 66;
    private static final int GAP = 24;
    private static final int BOTTOM = 40;

    /** One line: its points at {@link WhyFastConfig#NFES}, null where not measured. */
    record Series(String label, String colour, Spread[] y) {
    }

    /** @param floor a horizontal reference drawn dashed (NaN for none) */
    record Panel(String title, List<Series> series, double floor) {
    }

    private LogLogChart() {
    }

    static String svg(String title, String yLabel, List<Panel> panels) {
        double[] range = yRange(panels);
        double lo = Math.floor(Math.log10(range[0]));
        double hi = Math.ceil(Math.log10(range[1]));
        if (hi <= lo) {
            hi = lo + 1;
        }
        int width = LEFT + panels.size() * (PANEL_W + GAP);
        int height = TOP + PANEL_H + BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"11\">\n", width, height, width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(LEFT, 16, 13, "start", "bold", title));
        legend(s, panels);
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s</text>\n",
                TOP + PANEL_H / 2, TOP + PANEL_H / 2, escape(yLabel)));
        for (int p = 0; p < panels.size(); p++) {
            panel(s, panels.get(p), LEFT + p * (PANEL_W + GAP), lo, hi);
        }
        return s.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder s, Panel panel, int x0, double lo, double hi) {
        int[] nfes = WhyFastConfig.NFES;
        double xMax = Math.log(nfes[nfes.length - 1]) / Math.log(2);
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n",
                x0, TOP, PANEL_W, PANEL_H));
        s.append(text(x0 + PANEL_W / 2.0, TOP - 6, 12, "middle", "bold", panel.title()));
        for (int nfe : nfes) {
            double x = x0 + Math.log(nfe) / Math.log(2) / xMax * PANEL_W;
            s.append(line(x, TOP + PANEL_H, x, TOP + PANEL_H + 4, "#999", ""));
            s.append(text(x, TOP + PANEL_H + 16, 10, "middle", "normal", Integer.toString(nfe)));
        }
        s.append(text(x0 + PANEL_W / 2.0, TOP + PANEL_H + 32, 11, "middle", "normal", "NFE"));
        for (double d = lo; d <= hi + 1e-9; d++) {
            double y = y(Math.pow(10, d), lo, hi);
            s.append(line(x0, y, x0 + PANEL_W, y, "#e5e5e5", ""));
            s.append(text(x0 - 4, y + 4, 10, "end", "normal", "1e" + (int) d));
        }
        if (!Double.isNaN(panel.floor()) && panel.floor() > 0) {
            double y = y(panel.floor(), lo, hi);
            s.append(line(x0, y, x0 + PANEL_W, y, "#555", " stroke-dasharray=\"4 3\""));
            s.append(text(x0 + PANEL_W - 4, y - 3, 9, "end", "normal", "data vs data"));
        }
        for (Series series : panel.series()) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < nfes.length; i++) {
                Spread v = series.y()[i];
                if (v == null || !(v.mean() > 0)) {
                    continue;
                }
                double x = x0 + Math.log(nfes[i]) / Math.log(2) / xMax * PANEL_W;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y(v.mean(), lo, hi)));
                if (v.sd() > 0) {
                    double top = y(v.mean() + v.sd(), lo, hi);
                    double bottom = y(Math.max(v.mean() - v.sd(), Math.pow(10, lo)), lo, hi);
                    s.append(line(x, top, x, bottom, series.colour(), ""));
                }
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>\n", x, y(v.mean(), lo, hi),
                        series.colour()));
            }
            if (path.length() > 0) {
                s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(series.colour())
                        .append("\" stroke-width=\"1.6\"/>\n");
            }
        }
    }

    private static void legend(StringBuilder s, List<Panel> panels) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (Panel p : panels) {
            for (Series series : p.series()) {
                colours.putIfAbsent(series.label(), series.colour());
            }
        }
        double x = LEFT;
        for (Map.Entry<String, String> e : colours.entrySet()) {
            s.append(line(x, 32, x + 18, 32, e.getValue(), " stroke-width=\"2\""));
            s.append(text(x + 22, 36, 11, "start", "normal", e.getKey()));
            x += 34 + 6.2 * e.getKey().length();
        }
    }

    /** The smallest and largest positive value to show (means, and bars' tops), padded to whole decades by the caller. */
    private static double[] yRange(List<Panel> panels) {
        List<Double> values = new ArrayList<>();
        for (Panel p : panels) {
            if (p.floor() > 0) {
                values.add(p.floor());
            }
            for (Series series : p.series()) {
                for (Spread v : series.y()) {
                    if (v != null && v.mean() > 0 && Double.isFinite(v.mean())) {
                        values.add(v.mean());
                        values.add(v.mean() + v.sd());
                    }
                }
            }
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(1e-3);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return new double[] {min, max};
    }

    private static double y(double v, double lo, double hi) {
        return TOP + (hi - Math.log10(v)) / (hi - lo) * PANEL_H;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>\n", x1, y1, x2, y2,
                colour, extra);
    }

    static String text(double x, double y, int size, String anchor, String weight, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>\n",
                x, y, size, anchor, weight, escape(content));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
