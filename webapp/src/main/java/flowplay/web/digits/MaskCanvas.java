package flowplay.web.digits;

import flowplay.core.data.Digits;
import flowplay.web.PageErrors;
import flowplay.web.ui.Dom;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #digits-inpaint-mask}: the test digit enlarged, on which the mouse paints the mask. Dragging with the left button
 * hides pixels (they turn purple: the flow will fill them), with the right button — or with the Reveal toggle on —
 * shows them again. {@code data-hidden} is the mask as 64 characters, '1' for a hidden pixel, row by row.
 */
final class MaskCanvas {
    static final int CELL = 32;
    private static final String HIDDEN = "rgba(124, 58, 237, 0.62)";

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D g;
    private final Runnable edited;
    /** 1 = observed (known), 0 = hidden: the convention of {@code ConditionalField.observe}. */
    private final float[] observed = new float[Digits.PIXELS];
    private float[] digit = new float[Digits.PIXELS];
    private boolean reveal;
    /** While a button is held: true paints "hidden", false paints "observed". */
    private Boolean painting;

    /** @param edited hears every change of the mask */
    MaskCanvas(HTMLElement parent, Runnable edited) {
        this.edited = edited;
        canvas = (HTMLCanvasElement) Dom.create("canvas", "digits-inpaint-mask");
        canvas.setAttribute("id", "digits-inpaint-mask");
        canvas.setAttribute("aria-label", "the test digit: paint over pixels to hide them");
        canvas.setWidth(Digits.SIDE * CELL);
        canvas.setHeight(Digits.SIDE * CELL);
        g = DigitPainter.context(canvas);
        java.util.Arrays.fill(observed, 1f);
        parent.appendChild(canvas);
        canvas.addEventListener("contextmenu", Event::preventDefault);
        canvas.addEventListener("mousedown", (MouseEvent e) -> PageErrors.guarded("mask", () -> {
            e.preventDefault();
            painting = !(reveal || e.getButton() == 2);
            paintAt(e);
        }));
        canvas.addEventListener("mousemove", (MouseEvent e) -> PageErrors.guarded("mask", () -> {
            if (painting != null && e.getButtons() != 0) {
                paintAt(e);
            }
        }));
        Window.current().addEventListener("mouseup", (Event e) -> painting = null);
    }

    /** The digit painted under the mask. */
    void show(float[] pixels) {
        digit = pixels;
        draw();
    }

    /** The Reveal toggle: the left button then shows pixels instead of hiding them. */
    void reveal(boolean on) {
        reveal = on;
    }

    /** A preset: hides every pixel for which {@code hide[k]} is true and shows the rest. */
    void set(boolean[] hide) {
        for (int k = 0; k < Digits.PIXELS; k++) {
            observed[k] = hide[k] ? 0f : 1f;
        }
        draw();
        edited.run();
    }

    /** The mask (1 = observed), a copy. */
    float[] observed() {
        return observed.clone();
    }

    int hiddenCount() {
        int n = 0;
        for (float m : observed) {
            n += m == 0 ? 1 : 0;
        }
        return n;
    }

    /** The mask as 64 characters, '1' for a hidden pixel, row by row. */
    String hiddenString() {
        StringBuilder b = new StringBuilder(Digits.PIXELS);
        for (float m : observed) {
            b.append(m == 0 ? '1' : '0');
        }
        return b.toString();
    }

    private void paintAt(MouseEvent e) {
        int c = (int) Math.floor(x(canvas, e) / CELL);
        int r = (int) Math.floor(y(canvas, e) / CELL);
        if (c < 0 || r < 0 || c >= Digits.SIDE || r >= Digits.SIDE) {
            return;
        }
        float value = painting ? 0f : 1f;
        int k = r * Digits.SIDE + c;
        if (observed[k] != value) {
            observed[k] = value;
            draw();
            edited.run();
        }
    }

    private void draw() {
        DigitPainter.clear(g, canvas);
        DigitPainter.paint(g, digit, 0, 0, 0, CELL);
        DigitPainter.hidden(g, observed, 0, 0, CELL, HIDDEN);
        g.setStrokeStyle("rgba(100, 116, 139, 0.35)");
        g.setLineWidth(1);
        for (int i = 1; i < Digits.SIDE; i++) {
            g.beginPath();
            g.moveTo(i * CELL + 0.5, 0);
            g.lineTo(i * CELL + 0.5, Digits.SIDE * CELL);
            g.moveTo(0, i * CELL + 0.5);
            g.lineTo(Digits.SIDE * CELL, i * CELL + 0.5);
            g.stroke();
        }
        canvas.setAttribute("data-hidden", hiddenString());
        canvas.setAttribute("data-hidden-count", Integer.toString(hiddenCount()));
    }

    /** The pointer in canvas pixels, whatever size CSS gives the canvas. */
    @JSBody(params = {"c", "e"}, script = "var r = c.getBoundingClientRect(); return (e.clientX - r.left) * c.width / r.width;")
    private static native double x(HTMLCanvasElement c, MouseEvent e);

    @JSBody(params = {"c", "e"}, script = "var r = c.getBoundingClientRect(); return (e.clientY - r.top) * c.height / r.height;")
    private static native double y(HTMLCanvasElement c, MouseEvent e);
}
