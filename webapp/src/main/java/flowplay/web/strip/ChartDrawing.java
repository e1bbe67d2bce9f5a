package flowplay.web.strip;

import flowplay.web.ui.Format;
import java.util.List;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Draws the solver comparison: log NFE across (powers of two), log distance up (it falls by decades as N grows), one
 * line per fixed-step solver in strip order, the adaptive solver as a single diamond. Diverged solves are left out.
 */
final class ChartDrawing {
    private static final double LEFT = 64;
    private static final double RIGHT = 120;
    private static final double TOP = 16;
    private static final double BOTTOM = 40;
    private static final String INK = "#475569";
    private static final String GRID = "#e2e8f0";
    private static final String[] COLOURS = {"#ef4444", "#f59e0b", "#7c3aed", "#0ea5e9"};
    private static final String ADAPTIVE_COLOUR = "#111827";

    private ChartDrawing() {
    }

    static void draw(HTMLCanvasElement canvas, List<ChartPoint> points, List<String> fixed, String adaptive, String metric) {
        CanvasRenderingContext2D g = (CanvasRenderingContext2D) canvas.getContext("2d");
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double xMin = Double.MAX_VALUE, xMax = -Double.MAX_VALUE, yMin = Double.MAX_VALUE, yMax = -Double.MAX_VALUE;
        for (ChartPoint p : points) {
            if (p.metric() > 0 && Double.isFinite(p.metric())) {
                xMin = Math.min(xMin, log2(p.nfe()));
                xMax = Math.max(xMax, log2(p.nfe()));
                yMin = Math.min(yMin, Math.log10(p.metric()));
                yMax = Math.max(yMax, Math.log10(p.metric()));
            }
        }
        if (xMin > xMax) {
            return;
        }
        xMin = Math.floor(xMin);
        xMax = Math.max(xMin + 1, Math.ceil(xMax));
        yMin = Math.floor(yMin);
        yMax = Math.max(yMin + 1, Math.ceil(yMax));
        Frame f = new Frame(xMin, xMax, yMin, yMax, w, h);
        axes(g, f, metric);
        for (int s = 0; s < fixed.size(); s++) {
            g.setStrokeStyle(COLOURS[s % COLOURS.length]);
            g.setFillStyle(COLOURS[s % COLOURS.length]);
            g.setLineWidth(2);
            g.beginPath();
            boolean started = false;
            for (ChartPoint p : points) {
                if (!p.solver().equals(fixed.get(s)) || !(p.metric() > 0) || !Double.isFinite(p.metric())) {
                    continue;
                }
                double x = f.x(log2(p.nfe()));
                double y = f.y(Math.log10(p.metric()));
                if (started) {
                    g.lineTo(x, y);
                } else {
                    g.moveTo(x, y);
                    started = true;
                }
                g.fillRect(x - 3, y - 3, 6, 6);
            }
            g.stroke();
            legend(g, w, s, fixed.get(s), COLOURS[s % COLOURS.length]);
        }
        for (ChartPoint p : points) {
            if (p.solver().equals(adaptive) && p.metric() > 0 && Double.isFinite(p.metric())) {
                double x = f.x(log2(p.nfe()));
                double y = f.y(Math.log10(p.metric()));
                g.setFillStyle(ADAPTIVE_COLOUR);
                g.beginPath();
                g.moveTo(x, y - 7);
                g.lineTo(x + 7, y);
                g.lineTo(x, y + 7);
                g.lineTo(x - 7, y);
                g.closePath();
                g.fill();
                legend(g, w, fixed.size(), adaptive + " (NFE " + p.nfe() + ")", ADAPTIVE_COLOUR);
            }
        }
    }

    private static void axes(CanvasRenderingContext2D g, Frame f, String metric) {
        g.setFont("13px system-ui, sans-serif");
        g.setLineWidth(1);
        for (double k = f.xMin; k <= f.xMax; k++) {
            double x = f.x(k);
            g.setStrokeStyle(GRID);
            g.beginPath();
            g.moveTo(x, TOP);
            g.lineTo(x, f.h - BOTTOM);
            g.stroke();
            g.setFillStyle(INK);
            g.fillText(Long.toString(Math.round(Math.pow(2, k))), x - 8, f.h - BOTTOM + 18);
        }
        for (double k = f.yMin; k <= f.yMax; k++) {
            double y = f.y(k);
            g.setStrokeStyle(GRID);
            g.beginPath();
            g.moveTo(LEFT, y);
            g.lineTo(f.w - RIGHT, y);
            g.stroke();
            g.setFillStyle(INK);
            g.fillText(Format.significant(Math.pow(10, k), 1), 4, y + 4);
        }
        g.fillText("NFE (log)", (f.w - RIGHT) / 2, f.h - 6);
        g.fillText(StripSampler.SLICED_W2.equals(metric) ? "sliced W₂² (log)" : "energy distance (log)", LEFT, TOP - 2);
    }

    private static void legend(CanvasRenderingContext2D g, double w, int row, String text, String colour) {
        g.setFillStyle(colour);
        g.fillRect(w - RIGHT + 10, TOP + 10 + row * 20, 12, 12);
        g.setFillStyle(INK);
        g.fillText(text, w - RIGHT + 28, TOP + 21 + row * 20);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** Maps (log NFE, log metric) to canvas pixels. */
    private static final class Frame {
        final double xMin, xMax, yMin, yMax, w, h;

        Frame(double xMin, double xMax, double yMin, double yMax, double w, double h) {
            this.xMin = xMin;
            this.xMax = xMax;
            this.yMin = yMin;
            this.yMax = yMax;
            this.w = w;
            this.h = h;
        }

        double x(double v) {
            return LEFT + (v - xMin) / (xMax - xMin) * (w - LEFT - RIGHT);
        }

        double y(double v) {
            return TOP + (yMax - v) / (yMax - yMin) * (h - TOP - BOTTOM);
        }
    }
}
