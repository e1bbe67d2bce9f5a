package flowplay.web.digits;

import flowplay.core.data.Digits;
import flowplay.web.ui.Dom;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #digits-strip}: the step-count comparison for digits — the first {@link #COUNT} digits of the grid's noise
 * (same labels, same w) solved with each N of {@code stripSteps}, one row per N ({@code .digits-strip-row} with
 * {@code data-steps}, {@code data-nfe}, {@code data-millis}, {@code data-levels}). The container's {@code data-state}
 * is "done" once every row is drawn.
 */
final class DigitStrip {
    static final int COUNT = 8;
    private static final int CELL = 5;
    private static final int GAP = 6;

    private final HTMLElement strip;

    DigitStrip(HTMLElement parent) {
        strip = Dom.create("div", "digits-strip");
        strip.setAttribute("id", "digits-strip");
        strip.setAttribute("data-state", "empty");
        parent.appendChild(strip);
    }

    /** Empties the strip for a new pass over these N. */
    void start(int[] steps) {
        while (strip.getFirstChild() != null) {
            strip.removeChild(strip.getFirstChild());
        }
        strip.setAttribute("data-state", steps.length == 0 ? "done" : "sampling");
        strip.setAttribute("data-steps", join(steps));
    }

    /** Adds N's row: its digits (COUNT×64), NFE and time; {@code last} ends the pass. */
    void row(int steps, float[] samples, int nfe, double millis, boolean last) {
        HTMLElement row = Dom.create("figure", "digits-strip-row");
        row.setAttribute("data-steps", Integer.toString(steps));
        row.setAttribute("data-nfe", Integer.toString(nfe));
        row.setAttribute("data-millis", Double.toString(Math.round(millis * 10) / 10.0));
        row.setAttribute("data-levels", DigitPainter.levels(samples, COUNT));
        HTMLElement caption = Dom.create("figcaption", "digits-strip-caption");
        Dom.setText(caption, "N = " + steps + " · NFE " + nfe + " · " + Math.round(millis) + " ms");
        HTMLCanvasElement canvas = (HTMLCanvasElement) Dom.create("canvas", null);
        int side = Digits.SIDE * CELL;
        canvas.setWidth(COUNT * (side + GAP) - GAP);
        canvas.setHeight(side);
        CanvasRenderingContext2D g = DigitPainter.context(canvas);
        DigitPainter.clear(g, canvas);
        for (int i = 0; i < COUNT; i++) {
            DigitPainter.paint(g, samples, i * Digits.PIXELS, i * (side + GAP), 0, CELL);
        }
        row.appendChild(caption);
        row.appendChild(canvas);
        strip.appendChild(row);
        if (last) {
            strip.setAttribute("data-state", "done");
        }
    }

    void failed(String why) {
        strip.setAttribute("data-state", "failed");
        strip.setAttribute("data-error", why);
    }

    private static String join(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int v : values) {
            b.append(b.length() == 0 ? "" : ",").append(v);
        }
        return b.toString();
    }
}
