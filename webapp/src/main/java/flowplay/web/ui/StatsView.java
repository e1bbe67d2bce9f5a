package flowplay.web.ui;

import flowplay.web.sampling.SampleStats;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #stats}: statistics of the last drawn samples as data attributes (the page contract; tests read these because
 * a WebGPU canvas cannot be read back) and as one readable line.
 */
public final class StatsView {
    private final HTMLElement element;
    private long draws;

    public StatsView(HTMLElement element) {
        this.element = element;
        element.setAttribute("data-draws", "0");
    }

    public long draws() {
        return draws;
    }

    /** Drops the statistics of an old run (keeping the draw count), so nobody reads them as the new run's. */
    public void clear() {
        for (String a : new String[] {"data-step", "data-count", "data-mean-x", "data-mean-y", "data-std-x", "data-std-y",
            "data-nfe", "data-millis", "data-grid", "data-model"}) {
            element.removeAttribute(a);
        }
        Dom.setText(element, "No samples yet: they appear with the run's first checkpoint.");
    }

    /** {@code grid} is the integrated time interval, e.g. "0..1" or "0.001..1"; {@code model} says what was drawn. */
    public void show(long step, SampleStats s, int nfe, double millis, String grid, String model) {
        draws++;
        element.setAttribute("data-step", Long.toString(step));
        element.setAttribute("data-count", Integer.toString(s.count()));
        element.setAttribute("data-mean-x", Format.fixed(s.meanX(), 6));
        element.setAttribute("data-mean-y", Format.fixed(s.meanY(), 6));
        element.setAttribute("data-std-x", Format.fixed(s.stdX(), 6));
        element.setAttribute("data-std-y", Format.fixed(s.stdY(), 6));
        element.setAttribute("data-nfe", Integer.toString(nfe));
        element.setAttribute("data-millis", Format.fixed(millis, 1));
        element.setAttribute("data-grid", grid);
        element.setAttribute("data-model", model);
        // data-draws last: a test that waits for it sees the other attributes of the same draw.
        element.setAttribute("data-draws", Long.toString(draws));
        boolean clipped = !"0..1".equals(grid);
        Dom.setText(element, model + " · t in " + grid + (clipped ? " (clipped: the prediction is singular at an end)" : "")
                + " · " + s.count() + " samples · mean ("
                + Format.fixed(s.meanX(), 3) + ", " + Format.fixed(s.meanY(), 3) + ") · std ("
                + Format.fixed(s.stdX(), 3) + ", " + Format.fixed(s.stdY(), 3) + ") · " + nfe + " evaluations in "
                + Format.fixed(millis, 0) + " ms");
    }
}
