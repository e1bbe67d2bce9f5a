package flowplay.web.digits;

import flowplay.core.data.Digits;
import flowplay.core.sampling.SampleConfig;
import flowplay.web.PageErrors;
import flowplay.web.ui.Dom;
import org.teavm.jso.JSBody;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Inpainting a held-out test digit: pick it (◀ ▶), paint the mask over it ({@link MaskCanvas}, presets), press Fill,
 * and the flow fills the hidden pixels for {@link #DRAWS} noise draws, known pixels held exactly. {@code #digits-inpaint-results}
 * shows the draws and says for tests: {@code data-levels} (the draws' grey levels), {@code data-error} (root mean square
 * error on the hidden pixels against the true digit, averaged over the draws, pixels in [−1, 1]),
 * {@code data-average-error} (the same for the draws' average), {@code data-mean-error} (for the mean training image,
 * the baseline), {@code data-observed-change} (largest
 * change of a known pixel: 0), {@code data-fill-ms}.
 */
final class DigitInpaintView {
    static final int DRAWS = 6;
    private static final int CELL = 12;
    private static final int GAP = 10;

    private final HeldOutDigits digits;
    private final HTMLElement box;
    private final HTMLElement note;
    private final HTMLElement index;
    private final MaskCanvas mask;
    private final HTMLCanvasElement results;
    private final HTMLElement summary;
    private DigitSolve solve;
    private SampleConfig config;
    private int current = -1;

    DigitInpaintView(HTMLElement parent, HeldOutDigits digits) {
        this.digits = digits;
        note = Dom.create("p", "digits-note");
        note.setAttribute("id", "digits-inpaint-note");
        parent.appendChild(note);
        box = Dom.create("div", "inpaint");
        box.setAttribute("id", "digits-inpaint");
        HTMLElement left = Dom.create("div", "inpaint-left");
        HTMLElement picker = Dom.create("div", "inpaint-picker");
        HTMLElement prev = button("digits-inpaint-prev", "◀", "previous test digit");
        index = Dom.create("span", "digits-inpaint-index");
        index.setAttribute("id", "digits-inpaint-index");
        HTMLElement next = button("digits-inpaint-next", "▶", "next test digit");
        picker.appendChild(prev);
        picker.appendChild(index);
        picker.appendChild(next);
        left.appendChild(picker);
        mask = new MaskCanvas(left, this::maskEdited);
        HTMLElement tools = Dom.create("div", "inpaint-tools");
        HTMLElement reveal = button("digits-inpaint-reveal", "reveal", "left button shows pixels again (right button always does)");
        reveal.setAttribute("aria-pressed", "false");
        reveal.addEventListener("click", (Event e) -> {
            boolean on = !"true".equals(reveal.getAttribute("aria-pressed"));
            reveal.setAttribute("aria-pressed", on ? "true" : "false");
            mask.reveal(on);
        });
        tools.appendChild(reveal);
        for (String[] p : MaskPresets.ALL) {
            HTMLElement b = button("mask-" + p[0], p[1], null);
            b.addEventListener("click", (Event e) -> PageErrors.guarded("mask preset", () -> mask.set(MaskPresets.hide(p[0]))));
            tools.appendChild(b);
        }
        left.appendChild(tools);
        box.appendChild(left);
        HTMLElement right = Dom.create("div", "inpaint-right");
        HTMLElement fill = button("digits-inpaint-fill", "Fill", "fill the hidden pixels with the flow, " + DRAWS + " noise draws");
        fill.setClassName("primary");
        fill.addEventListener("click", (Event e) -> PageErrors.guarded("inpainting", this::fill));
        right.appendChild(fill);
        results = (HTMLCanvasElement) Dom.create("canvas", "digits-inpaint-results");
        results.setAttribute("id", "digits-inpaint-results");
        results.setAttribute("data-state", "empty");
        results.setWidth(GAP + (DRAWS + 1) * (Digits.SIDE * CELL + GAP));
        results.setHeight(Digits.SIDE * CELL + 2 * GAP + 14);
        right.appendChild(results);
        summary = Dom.create("p", "digits-stats");
        summary.setAttribute("id", "digits-inpaint-summary");
        right.appendChild(summary);
        box.appendChild(right);
        parent.appendChild(box);
        prev.addEventListener("click", (Event e) -> PageErrors.guarded("test digit", () -> pick(current - 1)));
        next.addEventListener("click", (Event e) -> PageErrors.guarded("test digit", () -> pick(current + 1)));
    }

    /**
     * The model on screen: a mask-conditioned one enables inpainting (the test digits are fetched, the first is shown
     * with its bottom half hidden and filled); any other says which model to load.
     */
    void use(DigitSolve model, SampleConfig c) {
        config = c;
        boolean inpaints = model != null && model.condition().mask();
        solve = inpaints ? model : null;
        box.setHidden(!inpaints);
        note.setHidden(inpaints);
        Dom.setText(note, "Inpainting needs a mask-conditioned model (trained with --coupling dependent): choose "
                + "“digits · inpainting” under Pretrained.");
        if (inpaints) {
            digits.load(() -> PageErrors.guarded("test digits", () -> {
                if (current < 0) {
                    pick(digits.first());
                    mask.set(MaskPresets.hide("bottom"));
                }
                fill();
            }));
        }
    }

    /** The sample settings changed: the next Fill uses them. */
    void settings(SampleConfig c) {
        config = c;
    }

    private void pick(int i) {
        if (!digits.ready()) {
            return;
        }
        int span = digits.end() - digits.first();
        current = digits.first() + Math.floorMod(i - digits.first(), span);
        Dom.setText(index, "test digit " + current + " (a " + digits.label(current) + ")");
        index.setAttribute("data-index", Integer.toString(current));
        mask.show(digits.image(current));
        results.setAttribute("data-state", "stale");
    }

    private void maskEdited() {
        results.setAttribute("data-state", "stale");
    }

    private void fill() {
        if (solve == null || config == null || current < 0) {
            return;
        }
        float[] truth = digits.image(current);
        float[] observed = mask.observed();
        double start = now();
        float[] x = solve.inpaint(config, truth, observed, DRAWS, config.noiseSeed());
        double millis = now() - start;
        float[] mean = digits.mean();
        double error = 0;
        double change = 0;
        int hidden = mask.hiddenCount();
        for (int i = 0; i < DRAWS; i++) {
            double sq = 0;
            for (int k = 0; k < Digits.PIXELS; k++) {
                double d = x[i * Digits.PIXELS + k] - truth[k];
                if (observed[k] == 0) {
                    sq += d * d;
                } else {
                    change = Math.max(change, Math.abs(d));
                }
            }
            error += hidden == 0 ? 0 : Math.sqrt(sq / hidden);
        }
        error /= DRAWS;
        double sqMean = 0;
        for (int k = 0; k < Digits.PIXELS; k++) {
            if (observed[k] == 0) {
                sqMean += (mean[k] - truth[k]) * (mean[k] - truth[k]);
            }
        }
        double meanError = hidden == 0 ? 0 : Math.sqrt(sqMean / hidden);
        // The draws' average, a point estimate like the mean image: one random draw pays for its own spread as well.
        double sqAverage = 0;
        for (int k = 0; k < Digits.PIXELS; k++) {
            if (observed[k] == 0) {
                double average = 0;
                for (int i = 0; i < DRAWS; i++) {
                    average += x[i * Digits.PIXELS + k] / (double) DRAWS;
                }
                sqAverage += (average - truth[k]) * (average - truth[k]);
            }
        }
        double averageError = hidden == 0 ? 0 : Math.sqrt(sqAverage / hidden);
        draw(truth, observed, x);
        results.setAttribute("data-index", Integer.toString(current));
        results.setAttribute("data-draws", Integer.toString(DRAWS));
        results.setAttribute("data-hidden", mask.hiddenString());
        results.setAttribute("data-levels", DigitPainter.levels(x, DRAWS));
        results.setAttribute("data-truth", DigitPainter.levels(truth, 1));
        results.setAttribute("data-error", Double.toString(error));
        results.setAttribute("data-mean-error", Double.toString(meanError));
        results.setAttribute("data-average-error", Double.toString(averageError));
        results.setAttribute("data-observed-change", Double.toString(change));
        results.setAttribute("data-fill-ms", Double.toString(Math.round(millis * 10) / 10.0));
        results.setAttribute("data-state", "done");
        Dom.setText(summary, DRAWS + " draws · " + hidden + " hidden pixels · " + config.solver() + ", " + config.steps()
                + " steps · " + Math.round(millis) + " ms. Error on the hidden pixels (RMS, pixels in [−1, 1]): "
                + round(error) + " per draw, " + round(averageError) + " for the draws' average, " + round(meanError)
                + " for the mean training image; known pixels changed by "
                + change + ".");
    }

    /** The true digit with its hidden pixels marked, then the draws. */
    private void draw(float[] truth, float[] observed, float[] x) {
        CanvasRenderingContext2D g = DigitPainter.context(results);
        DigitPainter.clear(g, results);
        int pitch = Digits.SIDE * CELL + GAP;
        DigitPainter.paint(g, truth, 0, GAP, GAP, CELL);
        DigitPainter.hidden(g, observed, GAP, GAP, CELL, "rgba(124, 58, 237, 0.35)");
        for (int i = 0; i < DRAWS; i++) {
            DigitPainter.paint(g, x, i * Digits.PIXELS, GAP + (i + 1) * pitch, GAP, CELL);
        }
        g.setFillStyle("#64748b");
        g.setFont("11px system-ui, sans-serif");
        g.setTextAlign("center");
        double y = GAP + Digits.SIDE * CELL + 12;
        g.fillText("truth", GAP + Digits.SIDE * CELL / 2.0, y);
        for (int i = 0; i < DRAWS; i++) {
            g.fillText("draw " + (i + 1), GAP + (i + 1) * pitch + Digits.SIDE * CELL / 2.0, y);
        }
    }

    private static HTMLElement button(String id, String text, String title) {
        HTMLElement b = Dom.create("button", null);
        b.setAttribute("type", "button");
        b.setAttribute("id", id);
        if (title != null) {
            b.setAttribute("title", title);
        }
        Dom.setText(b, text);
        return b;
    }

    private static String round(double v) {
        return Double.toString(Math.round(v * 1000) / 1000.0);
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
