package flowplay.web.strip;

import flowplay.web.render.CanvasBox;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * A small scatter plot on Canvas2D: the data set faintly, the panel's samples on top, in the main picture's box
 * (centred, half width {@code halfExtent}). Small squares, not arcs: thousands of points per panel stay a few ms.
 */
final class PanelPlot {
    private static final String BACKGROUND = "#0f172a";
    private static final String REFERENCE = "rgba(148, 163, 184, 0.35)";
    private static final String SAMPLES = "rgba(196, 181, 253, 0.75)";

    private PanelPlot() {
    }

    static void draw(HTMLCanvasElement canvas, float[] reference, int m, float[] samples, int n, double halfExtent) {
        CanvasRenderingContext2D g = (CanvasRenderingContext2D) canvas.getContext("2d");
        g.setFillStyle(BACKGROUND);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        CanvasBox box = new CanvasBox(canvas, halfExtent);
        box.points(g, reference, m, REFERENCE, 1.5);
        if (samples != null) {
            box.points(g, samples, n, SAMPLES, 1.5);
        }
    }
}
