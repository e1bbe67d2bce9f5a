package flowplay.web.points;

import flowplay.web.PageErrors;
import java.util.function.DoubleSupplier;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Draw mode on the {@code #plot} canvas, switched by {@code #draw-points} ({@code aria-pressed}): a click adds a point
 * where it lands, in data coordinates of the box shown, and a drag adds one every {@link #SPACING} along its path.
 * Coordinates are rounded as the link keeps them ({@link HashPoints#round}).
 */
public final class DrawTool {
    /** Data units between the points a drag leaves. */
    static final double SPACING = 0.06;

    private final HTMLElement canvas;
    private final HTMLElement toggle;
    private final PointSet points;
    private final DoubleSupplier halfExtent;
    private final PointsPanel panel;
    private boolean active;
    private boolean down;

    /**
     * @param halfExtent the half width of the box the canvas shows now (the data set decides it)
     * @param panel      hears each added point and the end of each stroke
     */
    public DrawTool(HTMLElement canvas, HTMLElement toggle, PointSet points, DoubleSupplier halfExtent, PointsPanel panel) {
        this.canvas = canvas;
        this.toggle = toggle;
        this.points = points;
        this.halfExtent = halfExtent;
        this.panel = panel;
        toggle.setAttribute("aria-pressed", "false");
        toggle.addEventListener("click", (Event e) -> PageErrors.guarded("draw points", this::toggle));
        canvas.addEventListener("pointerdown", (Event e) -> PageErrors.guarded("draw points", () -> press(e)));
        canvas.addEventListener("pointermove", (Event e) -> PageErrors.guarded("draw points", () -> move(e)));
        canvas.addEventListener("pointerup", (Event e) -> PageErrors.guarded("draw points", this::release));
        canvas.addEventListener("pointercancel", (Event e) -> PageErrors.guarded("draw points", this::release));
    }

    private void toggle() {
        active = !active;
        toggle.setAttribute("aria-pressed", Boolean.toString(active));
        if (active) {
            canvas.setAttribute("data-drawing", "true");
            panel.drawingStarted();
        } else {
            canvas.removeAttribute("data-drawing");
            release();
        }
    }

    private void press(Event e) {
        if (!active) {
            return;
        }
        e.preventDefault();
        down = true;
        capture(canvas, e);
        add(e, 0);
    }

    private void move(Event e) {
        if (active && down) {
            add(e, SPACING);
        }
    }

    private void release() {
        if (down) {
            down = false;
            panel.strokeEnded();
        }
    }

    /** Adds the point under the pointer when it is at least {@code spacing} from the last one. */
    private void add(Event e, double spacing) {
        double h = halfExtent.getAsDouble();
        float x = HashPoints.round((2 * fractionX(canvas, e) - 1) * h);
        float y = HashPoints.round((1 - 2 * fractionY(canvas, e)) * h);
        float[] last = points.last();
        if (spacing > 0 && last != null && Math.hypot(x - last[0], y - last[1]) < spacing) {
            return;
        }
        if (points.add(x, y)) {
            panel.pointAdded();
        } else {
            panel.full();
        }
    }

    @JSBody(params = {"c", "e"}, script = "var r = c.getBoundingClientRect(); return Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));")
    private static native double fractionX(HTMLElement c, Event e);

    @JSBody(params = {"c", "e"}, script = "var r = c.getBoundingClientRect(); return Math.min(1, Math.max(0, (e.clientY - r.top) / r.height));")
    private static native double fractionY(HTMLElement c, Event e);

    @JSBody(params = {"c", "e"}, script = "if (c.setPointerCapture && e.pointerId !== undefined) { try { c.setPointerCapture(e.pointerId); } catch (x) {} }")
    private static native void capture(HTMLElement c, Event e);
}
