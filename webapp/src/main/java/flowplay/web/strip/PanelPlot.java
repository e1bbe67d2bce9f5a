package flowplay.web.strip;

import flowplay.web.render.CanvasBox;
import flowplay.web.render.GpuCanvas;
import flowplay.web.render.GpuPlot;
import flowplay.web.render.Palette;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * A small scatter plot: the data set faintly, the panel's samples on top, in the main picture's box (centred, half
 * width {@code halfExtent}). With WebGPU on the page's shared pipelines when a {@link GpuPlot} is given, else Canvas2D
 * (small squares, not arcs: thousands of points per panel stay a few ms). The canvas says which in
 * {@code data-renderer}.
 */
final class PanelPlot {
    private static final float[] REFERENCE = {148 / 255f, 163 / 255f, 184 / 255f, 0.35f};
    private static final float[] SAMPLES = {196 / 255f, 181 / 255f, 253 / 255f, 0.75f};
    private static final double SQUARE = 1.5;
    /** Discs a little larger than the squares, whose corners cover more of a pixel at this size. */
    private static final float DISC = 2.2f;

    private PanelPlot() {
    }

    /** Draws a panel canvas that has not been drawn before (a canvas keeps the first kind of context it gave out). */
    static void draw(HTMLCanvasElement canvas, GpuPlot gpu, float[] reference, int m, float[] samples, int n, double halfExtent) {
        if (gpu != null) {
            // Drawn once: the picture stays on the canvas, its uniform is not needed after the submit.
            GpuCanvas target = new GpuCanvas(gpu, canvas);
            target.begin(halfExtent);
            target.points(reference, m, REFERENCE, DISC);
            if (samples != null) {
                target.points(samples, n, SAMPLES, DISC);
            }
            target.submit();
            target.release();
            canvas.setAttribute("data-renderer", "webgpu");
            return;
        }
        CanvasRenderingContext2D g = (CanvasRenderingContext2D) canvas.getContext("2d");
        g.setFillStyle(Palette.css(Palette.BACKGROUND[0], Palette.BACKGROUND[1], Palette.BACKGROUND[2], 1f));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        CanvasBox box = new CanvasBox(canvas, halfExtent);
        box.points(g, reference, m, Palette.css(REFERENCE), SQUARE);
        if (samples != null) {
            box.points(g, samples, n, Palette.css(SAMPLES), SQUARE);
        }
        canvas.setAttribute("data-renderer", "canvas2d");
    }
}
