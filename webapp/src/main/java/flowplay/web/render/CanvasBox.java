package flowplay.web.render;

import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The data box [−h, h]² on a Canvas2D canvas: data coordinates to pixels (y up, as in the main picture), a line width
 * that grows with the canvas, and points drawn as small squares. Shared by every Canvas2D drawing of the page so that
 * the main plot, the field view and the strip panels map the box alike.
 */
public final class CanvasBox {
    private final HTMLCanvasElement canvas;
    private double halfExtent;

    public CanvasBox(HTMLCanvasElement canvas, double halfExtent) {
        this.canvas = canvas;
        this.halfExtent = halfExtent;
    }

    public double halfExtent() {
        return halfExtent;
    }

    public void halfExtent(double h) {
        this.halfExtent = h;
    }

    /** One CSS-scale pixel of a 640-wide canvas: line widths and point sizes scale with the canvas. */
    public double pixel() {
        return Math.max(1, canvas.getWidth() / 640.0);
    }

    public double sx(double x) {
        return (x + halfExtent) / (2 * halfExtent) * canvas.getWidth();
    }

    public double sy(double y) {
        return (halfExtent - y) / (2 * halfExtent) * canvas.getHeight();
    }

    /** Squares, not arcs: thousands of arcs per frame are slow, and at this size nobody sees the corners. */
    public void points(CanvasRenderingContext2D g, float[] xy, int n, String colour, double size) {
        g.setFillStyle(colour);
        double half = size / 2;
        for (int i = 0; i < n; i++) {
            g.fillRect(sx(xy[2 * i]) - half, sy(xy[2 * i + 1]) - half, size, size);
        }
    }

    /** The coordinate grid every ViewBox.GRID data units, the axes brighter, one pixel wide. */
    public void grid(CanvasRenderingContext2D g) {
        double h = halfExtent();
        g.setLineWidth(pixel());
        for (double v = -h; v <= h + 1e-9; v += ViewBox.GRID) {
            g.setStrokeStyle(Palette.css(Math.abs(v) < 1e-9 ? Palette.AXIS : Palette.GRID));
            g.beginPath();
            g.moveTo(sx(v), sy(-h));
            g.lineTo(sx(v), sy(h));
            g.moveTo(sx(-h), sy(v));
            g.lineTo(sx(h), sy(v));
            g.stroke();
        }
    }
}
