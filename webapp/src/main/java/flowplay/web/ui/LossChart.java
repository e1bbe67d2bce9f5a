package flowplay.web.ui;

import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The training loss against the step on {@code #loss}, loss on a log axis: flow-matching loss falls fast, then
 * slowly, and only a log axis shows both phases.
 */
public final class LossChart {
    private static final double LEFT = 52;
    private static final double RIGHT = 14;
    private static final double TOP = 14;
    private static final double BOTTOM = 30;
    private static final String INK = "#475569";
    private static final String GRID = "#e2e8f0";
    private static final String LINE = "#7c3aed";

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D g;
    private double[] steps = new double[256];
    private double[] losses = new double[256];
    private int size;
    private long totalSteps;

    public LossChart(HTMLCanvasElement canvas) {
        this.canvas = canvas;
        this.g = (CanvasRenderingContext2D) canvas.getContext("2d");
    }

    /** Forgets the curve, for a new run of {@code totalSteps} steps. */
    public void reset(long totalSteps) {
        this.totalSteps = totalSteps;
        size = 0;
    }

    /** Adds a point; repeats and reorderings from a reconnected stream are dropped. */
    public void add(long step, double loss) {
        if (Double.isNaN(loss) || Double.isInfinite(loss) || loss <= 0) {
            return;
        }
        if (size > 0 && step <= steps[size - 1]) {
            return;
        }
        if (size == steps.length) {
            steps = grow(steps);
            losses = grow(losses);
        }
        steps[size] = step;
        losses[size] = loss;
        size++;
    }

    public void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double scale = Math.max(1, w / 480.0);
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, w, h);
        g.scale(scale, scale);
        w /= scale;
        h /= scale;
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        g.setFont("11px system-ui, sans-serif");
        g.setLineWidth(1);

        if (size == 0) {
            g.setFillStyle(INK);
            g.setTextAlign("center");
            g.fillText("The loss curve appears here while a run trains.", LEFT + plotW / 2, TOP + plotH / 2);
            drawFrame(plotW, plotH);
            return;
        }

        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            double l = Math.log10(losses[i]);
            lo = Math.min(lo, l);
            hi = Math.max(hi, l);
        }
        if (hi - lo < 0.3) {
            double mid = (hi + lo) / 2;
            lo = mid - 0.15;
            hi = mid + 0.15;
        }
        lo -= 0.05 * (hi - lo);
        hi += 0.05 * (hi - lo);
        double maxStep = Math.max(totalSteps, steps[size - 1]);

        // Horizontal grid at "nice" multiples of powers of ten, finer when the curve spans less than a decade.
        double[] multiples = hi - lo > 2.5 ? new double[] {1} : hi - lo > 0.8 ? new double[] {1, 2, 5}
                : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8};
        g.setTextAlign("right");
        g.setTextBaseline("middle");
        for (int p = (int) Math.floor(lo); p <= (int) Math.ceil(hi); p++) {
            for (double m : multiples) {
                double v = Math.log10(m) + p;
                if (v < lo || v > hi) {
                    continue;
                }
                double y = TOP + plotH * (hi - v) / (hi - lo);
                g.setStrokeStyle(GRID);
                g.beginPath();
                g.moveTo(LEFT, y);
                g.lineTo(LEFT + plotW, y);
                g.stroke();
                g.setFillStyle(INK);
                g.fillText(Format.significant(m * Math.pow(10, p), 2), LEFT - 6, y);
            }
        }
        g.setTextAlign("center");
        g.setTextBaseline("top");
        for (int i = 0; i <= 4; i++) {
            double s = maxStep * i / 4;
            g.fillText(Format.plain(Math.round(s)), LEFT + plotW * i / 4, TOP + plotH + 6);
        }
        drawFrame(plotW, plotH);

        g.setStrokeStyle(LINE);
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < size; i++) {
            double x = LEFT + plotW * steps[i] / maxStep;
            double y = TOP + plotH * (hi - Math.log10(losses[i])) / (hi - lo);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    private void drawFrame(double plotW, double plotH) {
        g.setStrokeStyle(INK);
        g.setLineWidth(1);
        g.beginPath();
        g.moveTo(LEFT, TOP);
        g.lineTo(LEFT, TOP + plotH);
        g.lineTo(LEFT + plotW, TOP + plotH);
        g.stroke();
        g.setFillStyle(INK);
        g.setTextAlign("left");
        g.setTextBaseline("top");
        g.fillText("loss (log)", 4, 0);
        g.setTextAlign("right");
        g.setTextBaseline("bottom");
        g.fillText("step", LEFT + plotW, TOP + plotH + BOTTOM);
    }

    private static double[] grow(double[] a) {
        double[] b = new double[a.length * 2];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }
}
