package flowplay.web.bench;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.sampling.Guidance;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.settings.Settings;
import flowplay.web.PageErrors;
import flowplay.web.digits.DigitSolve;
import flowplay.web.net.BinaryGet;
import flowplay.web.ui.Dom;
import java.util.Arrays;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The digits panel's grid as a bench workload: 64 digits × 32 heun steps from the bundled class-conditional model
 * ({@code pretrained/digits-class.safetensors}, MLP 138-256-256-256-64), labels i mod 10, through the panel's own
 * {@link DigitSolve} on the page's thread (TeaVM JavaScript) — guided (w = 1, two network passes per evaluation, the
 * page's default) and unguided (w = 0). One warm-up solve, then {@code digitsReps} timed ones; {@code #bench-digits}
 * gets {@code data-state} "done" and per row {@code data-median-ms} and {@code data-runs}.
 */
final class DigitsGridBench {
    static final String MODEL = "pretrained/digits-class.safetensors";
    static final int COUNT = 64;
    static final int STEPS = 32;

    private DigitsGridBench() {
    }

    static void run(HTMLElement root, int reps) {
        root.setAttribute("data-state", "running");
        BinaryGet.fetch(MODEL, bytes -> PageErrors.guarded("digits bench", () -> {
            if (bytes == null) {
                root.setAttribute("data-state", "failed");
                root.setAttribute("data-error", "could not download " + MODEL);
                return;
            }
            DigitSolve solve = new DigitSolve(Checkpoint.fromBytes(bytes));
            double[] ws = {1.0, 0.0};
            // One w per task, so the page paints the first row before the second runs.
            step(root, solve, ws, 0, reps);
        }));
    }

    private static void step(HTMLElement root, DigitSolve solve, double[] ws, int k, int reps) {
        if (k == ws.length) {
            root.setAttribute("data-state", "done");
            return;
        }
        Window.setTimeout(() -> PageErrors.guarded("digits bench", () -> {
            SampleConfig c = SampleConfig.from(Settings.parse(Settings.SAMPLE, Map.of("solver", "heun", "sampleSteps",
                    Integer.toString(STEPS))));
            int[] labels = new Guidance(Guidance.ALL, ws[k]).labels(solve.condition(), COUNT);
            double[] runs = new double[reps];
            for (int r = -1; r < reps; r++) {
                float[] x = DigitSolve.noise(1, COUNT);
                double start = now();
                solve.sample(c, x, COUNT, STEPS, labels, ws[k], null);
                if (r >= 0) {
                    runs[r] = now() - start;
                }
            }
            double[] sorted = runs.clone();
            Arrays.sort(sorted);
            double median = sorted[reps / 2];
            HTMLElement row = Dom.create("tr", null);
            row.setAttribute("data-w", Double.toString(ws[k]));
            row.setAttribute("data-median-ms", Double.toString(Math.round(median * 10) / 10.0));
            StringBuilder list = new StringBuilder();
            for (double v : runs) {
                list.append(list.length() == 0 ? "" : ",").append(Math.round(v * 10) / 10.0);
            }
            row.setAttribute("data-runs", list.toString());
            cell(row, COUNT + " digits × " + STEPS + " steps (heun), w = " + ws[k] + (ws[k] > 0 ? " (2 passes per evaluation)" : ""));
            cell(row, Math.round(median) + " ms");
            cell(row, list.toString());
            Dom.byId("bench-digits-rows").appendChild(row);
            step(root, solve, ws, k + 1, reps);
        }), 0);
    }

    private static void cell(HTMLElement row, String text) {
        HTMLElement td = Dom.create("td", null);
        Dom.setText(td, text);
        row.appendChild(td);
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
