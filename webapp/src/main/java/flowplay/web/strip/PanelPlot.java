package flowplay.web.strip;

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
        double size = canvas.getWidth();
        g.setFillStyle(BACKGROUND);
        g.fillRect(0, 0, size, canvas.getHeight());
        g.setFillStyle(REFERENCE);
        dots(g, reference, m, size, halfExtent, 1.5);
        if (samples != null) {
            g.setFillStyle(SAMPLES);
            dots(g, samples, n, size, halfExtent, 1.5);
        }
    }

    private static void dots(CanvasRenderingContext2D g, float[] p, int n, double size, double halfExtent, double dot) {
        double scale = size / (2 * halfExtent);
        for (int i = 0; i < n; i++) {
            double px = (p[2 * i] + halfExtent) * scale;
            double py = (halfExtent - p[2 * i + 1]) * scale; // y up, as in the main picture
            if (px >= 0 && px < size && py >= 0 && py < size) {
                g.fillRect(px - dot / 2, py - dot / 2, dot, dot);
            }
        }
    }
}
