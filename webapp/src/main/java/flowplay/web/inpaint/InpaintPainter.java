package flowplay.web.inpaint;

import flowplay.web.render.CanvasBox;
import flowplay.web.render.Palette;
import flowplay.web.render.ViewBox;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Draws the inpainting on Canvas2D (a few thousand points: no GPU needed, and its pixels can be read back): the data
 * faint, the band of data compared with, the line, the conditional samples in {@link #SAMPLE}; and the histogram of the
 * inpainted coordinate, the model's as bars, the data's near the line as an outline.
 */
final class InpaintPainter {
    /** Emerald: apart from the main plot's amber samples and its blue-to-amber time colours. */
    static final float[] SAMPLE = {0.204f, 0.827f, 0.600f, 0.85f};
    private static final float[] LINE = {0.204f, 0.827f, 0.600f, 0.9f};
    private static final float[] BAND = {1f, 1f, 1f, 0.06f};
    private static final float[] DATA_OUTLINE = {0.85f, 0.88f, 0.95f, 0.95f};

    private final HTMLCanvasElement plot;
    private final CanvasRenderingContext2D g;
    private final CanvasBox box;
    private final HTMLCanvasElement histogram;
    private final CanvasRenderingContext2D h;

    InpaintPainter(HTMLCanvasElement plot, HTMLCanvasElement histogram) {
        this.plot = plot;
        this.histogram = histogram;
        this.g = (CanvasRenderingContext2D) plot.getContext("2d");
        this.h = (CanvasRenderingContext2D) histogram.getContext("2d");
        this.box = new CanvasBox(plot, ViewBox.HALF_EXTENT);
    }

    /** Maps a click at fractions (fx, fy) of the canvas (from its top left) to the value of the axis. */
    double valueAt(int axis, double fx, double fy) {
        double e = box.halfExtent();
        return axis == 0 ? (2 * fx - 1) * e : (1 - 2 * fy) * e;
    }

    double halfExtent() {
        return box.halfExtent();
    }

    void plot(double halfExtent, float[] data, int dataCount, FixedLine line, double band, float[] samples, int n) {
        box.halfExtent(halfExtent);
        g.setFillStyle(Palette.css(Palette.BACKGROUND[0], Palette.BACKGROUND[1], Palette.BACKGROUND[2], 1f));
        g.fillRect(0, 0, plot.getWidth(), plot.getHeight());
        box.grid(g);
        double e = halfExtent;
        g.setFillStyle(Palette.css(BAND));
        if (line.axis() == 0) {
            g.fillRect(box.sx(line.value() - band), 0, box.sx(line.value() + band) - box.sx(line.value() - band), plot.getHeight());
        } else {
            g.fillRect(0, box.sy(line.value() + band), plot.getWidth(), box.sy(line.value() - band) - box.sy(line.value() + band));
        }
        box.points(g, data, dataCount, Palette.css(Palette.REFERENCE), 1.6 * box.pixel());
        g.setStrokeStyle(Palette.css(LINE));
        g.setLineWidth(1.5 * box.pixel());
        g.beginPath();
        if (line.axis() == 0) {
            g.moveTo(box.sx(line.value()), box.sy(-e));
            g.lineTo(box.sx(line.value()), box.sy(e));
        } else {
            g.moveTo(box.sx(-e), box.sy(line.value()));
            g.lineTo(box.sx(e), box.sy(line.value()));
        }
        g.stroke();
        box.points(g, samples, n, Palette.css(SAMPLE), 3.0 * box.pixel());
    }

    void histogram(Histogram model, Histogram data, String freeName) {
        int w = histogram.getWidth();
        int ht = histogram.getHeight();
        double pad = 22;
        h.setFillStyle(Palette.css(Palette.BACKGROUND[0], Palette.BACKGROUND[1], Palette.BACKGROUND[2], 1f));
        h.fillRect(0, 0, w, ht);
        double top = Math.max(model.max(), data == null ? 0 : data.max());
        if (top <= 0) {
            top = 1;
        }
        double plotHeight = ht - 2 * pad;
        double barWidth = (double) w / model.bins();
        h.setFillStyle(Palette.css(SAMPLE));
        for (int b = 0; b < model.bins(); b++) {
            double bar = model.density()[b] / top * plotHeight;
            h.fillRect(b * barWidth + 1, ht - pad - bar, barWidth - 2, bar);
        }
        if (data != null) {
            h.setStrokeStyle(Palette.css(DATA_OUTLINE));
            h.setLineWidth(2);
            h.beginPath();
            h.moveTo(0, ht - pad);
            for (int b = 0; b < data.bins(); b++) {
                double y = ht - pad - data.density()[b] / top * plotHeight;
                h.lineTo(b * barWidth, y);
                h.lineTo((b + 1) * barWidth, y);
            }
            h.lineTo(w, ht - pad);
            h.stroke();
        }
        // The axis of the inpainted coordinate, with ticks at whole units like the plot's grid.
        h.setStrokeStyle(Palette.css(Palette.AXIS));
        h.setLineWidth(1);
        h.beginPath();
        h.moveTo(0, ht - pad);
        h.lineTo(w, ht - pad);
        h.stroke();
        h.setFillStyle(Palette.css(DATA_OUTLINE));
        h.setFont("12px system-ui, sans-serif");
        for (double v = Math.ceil(model.lo()); v <= model.hi() + 1e-9; v += 1) {
            double x = (v - model.lo()) / (model.hi() - model.lo()) * w;
            h.fillRect(x, ht - pad, 1, 5);
            h.fillText(Long.toString((long) v), Math.min(w - 14, Math.max(2, x - 4)), ht - 5);
        }
        h.fillText(freeName, w - 14, pad - 6);
    }
}
