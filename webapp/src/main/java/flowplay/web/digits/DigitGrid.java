package flowplay.web.digits;

import flowplay.core.data.Digits;
import flowplay.web.ui.Dom;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #digits-grid}: 64 generated digits in 8 rows of 8, each with the class it was asked for under it (for a
 * class-conditional model). The canvas says what it shows for tests: {@code data-digits} (how many),
 * {@code data-labels}, {@code data-levels} (every pixel's grey level, {@link DigitPainter#levels}) and
 * {@code data-sample-ms}.
 */
final class DigitGrid {
    static final int COUNT = 64;
    static final int COLUMNS = 8;
    private static final int CELL = 6;
    private static final int GAP = 10;
    private static final int LABEL = 14;
    private static final int PITCH_X = Digits.SIDE * CELL + GAP;
    private static final int PITCH_Y = Digits.SIDE * CELL + GAP + LABEL;

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D g;

    DigitGrid(HTMLElement parent) {
        canvas = (HTMLCanvasElement) Dom.create("canvas", "digits-grid");
        canvas.setAttribute("id", "digits-grid");
        canvas.setAttribute("aria-label", "64 digits sampled from the model");
        canvas.setWidth(COLUMNS * PITCH_X + GAP);
        canvas.setHeight(COUNT / COLUMNS * PITCH_Y + GAP);
        canvas.setAttribute("data-digits", "0");
        canvas.setAttribute("data-state", "empty");
        g = DigitPainter.context(canvas);
        DigitPainter.clear(g, canvas);
        parent.appendChild(canvas);
    }

    /** Marks the grid as being sampled again (a test waits for "done" with the new settings). */
    void pending() {
        canvas.setAttribute("data-state", "sampling");
    }

    /**
     * Draws digits [from, from + count) as they arrive ({@code samples} holds just those), over the last grid, so a
     * grid solved in parts fills in row by row; {@link #show} completes it.
     */
    void part(float[] samples, int from, int count, int[] labels) {
        for (int i = 0; i < count; i++) {
            cell(samples, i, from + i, labels);
        }
    }

    private void cell(float[] samples, int at, int i, int[] labels) {
        double x = GAP + (i % COLUMNS) * PITCH_X;
        double y = GAP + (i / COLUMNS) * PITCH_Y;
        g.setFillStyle("#ffffff");
        g.fillRect(x, y, Digits.SIDE * CELL + 1, Digits.SIDE * CELL + LABEL);
        DigitPainter.paint(g, samples, at * Digits.PIXELS, x, y, CELL);
        if (labels != null) {
            g.setFont("11px system-ui, sans-serif");
            g.setTextAlign("center");
            g.setFillStyle("#64748b");
            g.fillText(Integer.toString(labels[i]), x + Digits.SIDE * CELL / 2.0, y + Digits.SIDE * CELL + LABEL - 3);
        }
    }

    /** Draws the samples (COUNT×64) with their labels (null: unlabelled) and records the solve's time. */
    void show(float[] samples, int[] labels, double millis) {
        DigitPainter.clear(g, canvas);
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            cell(samples, i, i, labels);
            if (labels != null) {
                names.append(i == 0 ? "" : ",").append(labels[i]);
            }
        }
        canvas.setAttribute("data-digits", Integer.toString(COUNT));
        canvas.setAttribute("data-labels", names.toString());
        canvas.setAttribute("data-levels", DigitPainter.levels(samples, COUNT));
        canvas.setAttribute("data-sample-ms", Double.toString(Math.round(millis * 10) / 10.0));
        canvas.setAttribute("data-state", "done");
    }

    /** A solve that failed (e.g. a solver the conditioned field cannot run): the reason instead of digits. */
    void failed(String why) {
        DigitPainter.clear(g, canvas);
        canvas.setAttribute("data-state", "failed");
        canvas.setAttribute("data-digits", "0");
        canvas.setAttribute("data-error", why);
    }
}
