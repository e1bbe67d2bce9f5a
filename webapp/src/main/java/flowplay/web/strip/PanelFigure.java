package flowplay.web.strip;

import flowplay.web.render.GpuPlot;
import flowplay.web.ui.Dom;
import flowplay.web.ui.Format;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/** One strip panel in the page: a {@code figure.strip-panel} with its canvas and caption, and its data attributes. */
final class PanelFigure {
    private static final int PANEL_PIXELS = 176;

    private PanelFigure() {
    }

    /** Empties the row and puts in one pending panel per N, also into {@code panels} from index {@code from}. */
    static void fill(HTMLElement row, HTMLElement[] panels, int from, int[] steps) {
        clear(row);
        for (int i = 0; i < steps.length; i++) {
            panels[from + i] = create(steps[i]);
            row.appendChild(panels[from + i]);
        }
    }

    static void clear(HTMLElement row) {
        while (row.getFirstChild() != null) {
            row.removeChild(row.getFirstChild());
        }
    }

    /** @param gpu the page's WebGPU drawing resources, or null to draw with Canvas2D */
    static void show(HTMLElement p, StripInputs in, PanelCache.Entry e, boolean fromCache, GpuPlot gpu) {
        StripSampler.Panel r = e.panel();
        PanelPlot.draw((HTMLCanvasElement) p.getFirstChild(), gpu, in.reference(), in.m(), e.samples(), in.n(), in.halfExtent());
        p.setAttribute("data-nfe", Integer.toString(r.nfe()));
        p.setAttribute("data-metric", Double.toString(r.metric()));
        p.setAttribute("data-millis", Format.fixed(e.millis(), 1));
        p.setAttribute("data-cached", Boolean.toString(fromCache));
        p.setAttribute("data-state", "done");
        Dom.setText((HTMLElement) p.getLastChild(), "N=" + r.steps() + " · NFE " + r.nfe() + "\n"
                + (StripSampler.SLICED_W2.equals(in.metric()) ? "SW₂² " : "ED ") + Format.significant(r.metric(), 3)
                + " · " + Math.round(e.millis()) + " ms" + (fromCache ? " (kept)" : ""));
    }

    private static HTMLElement create(int steps) {
        HTMLElement p = Dom.create("figure", "strip-panel");
        p.setAttribute("data-steps", Integer.toString(steps));
        p.setAttribute("data-state", "pending");
        HTMLCanvasElement canvas = (HTMLCanvasElement) Dom.create("canvas", null);
        canvas.setWidth(PANEL_PIXELS);
        canvas.setHeight(PANEL_PIXELS);
        canvas.setAttribute("aria-label", "Samples after " + steps + " steps");
        p.appendChild(canvas);
        HTMLElement caption = Dom.create("figcaption", "strip-caption");
        Dom.setText(caption, "N=" + steps + " · …");
        p.appendChild(caption);
        return p;
    }
}
