package flowplay.web.bench;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.sampling.Guidance;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.settings.Settings;
import flowplay.web.PageErrors;
import flowplay.web.digits.DigitSolve;
import flowplay.web.net.BinaryGet;
import flowplay.web.strip.WorkerPool;
import flowplay.web.ui.Dom;
import flowplay.web.worker.SampleWorker;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The digits panel's grid as a bench workload: 64 digits × 32 heun steps from the bundled class-conditional model
 * ({@code pretrained/digits-class.safetensors}, MLP 83-256-256-256-64), labels i mod 10, guided (w = 1, two network
 * passes per evaluation, the page's default) and unguided (w = 0); on the page's thread through the panel's own
 * {@link DigitSolve} (TeaVM JavaScript), then as the panel does: one task per grid row of 8 digits on the strip's
 * {@link WorkerPool} (WasmGC where the browser runs it), wall time from submitting the first to the last row's reply. One warm-up solve each, then
 * {@code digitsReps} timed ones; {@code #bench-digits} gets {@code data-state} "done" and per row {@code data-path},
 * {@code data-w}, {@code data-median-ms} and {@code data-runs}.
 */
final class DigitsGridBench {
    static final String MODEL = "pretrained/digits-class.safetensors";
    static final int COUNT = 64;
    static final int STEPS = 32;
    private static final double[] WS = {1.0, 0.0};

    private final HTMLElement root;
    private final int reps;
    private final byte[] bytes;
    private final DigitSolve solve;
    private WorkerPool pool;

    private DigitsGridBench(HTMLElement root, int reps, byte[] bytes) {
        this.root = root;
        this.reps = reps;
        this.bytes = bytes;
        this.solve = new DigitSolve(Checkpoint.fromBytes(bytes));
    }

    static void run(HTMLElement root, int reps) {
        root.setAttribute("data-state", "running");
        BinaryGet.fetch(MODEL, bytes -> PageErrors.guarded("digits bench", () -> {
            if (bytes == null) {
                root.setAttribute("data-state", "failed");
                root.setAttribute("data-error", "could not download " + MODEL);
                return;
            }
            new DigitsGridBench(root, reps, bytes).onPage(0);
        }));
    }

    private static Map<String, String> settings(double w) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("solver", "heun");
        raw.put("sampleSteps", Integer.toString(STEPS));
        raw.put("guidance", Double.toString(w));
        return raw;
    }

    /** One w per task, so the page paints each row before the next runs. */
    private void onPage(int k) {
        if (k == WS.length) {
            workers();
            return;
        }
        Window.setTimeout(() -> PageErrors.guarded("digits bench", () -> {
            SampleConfig c = SampleConfig.from(Settings.parse(Settings.SAMPLE, settings(WS[k])));
            int[] labels = new Guidance(Guidance.ALL, WS[k]).labels(solve.condition(), COUNT);
            double[] runs = new double[reps];
            for (int r = -1; r < reps; r++) {
                float[] x = DigitSolve.noise(1, COUNT);
                double start = now();
                solve.sample(c, x, COUNT, STEPS, labels, WS[k], null);
                if (r >= 0) {
                    runs[r] = now() - start;
                }
            }
            row("page", "page thread, TeaVM JavaScript", WS[k], runs);
            onPage(k + 1);
        }), 0);
    }

    private void workers() {
        pool = WorkerPool.create(() -> PageErrors.guarded("digits bench", this::done), () -> PageErrors.guarded("digits bench",
                () -> onWorkers(0, -1, new double[reps])));
        if (pool == null) {
            done();
        }
    }

    /** Run r of w number k (r = −1: the warm-up, which also sends the model), each after the last. */
    private void onWorkers(int k, int r, double[] runs) {
        if (k == WS.length) {
            done();
            return;
        }
        if (r == reps) {
            row("workers", pool.size() + " workers, " + pool.engine(), WS[k], runs);
            onWorkers(k + 1, -1, new double[reps]);
            return;
        }
        String lines = SampleWorker.lines(Settings.parse(Settings.SAMPLE, settings(WS[k])).asMap());
        float[] noise = DigitSolve.noise(1, COUNT);
        int parts = COUNT / 8; // one task per grid row of 8 digits, as the panel queues them
        int[] left = {parts};
        double start = now();
        for (int p = 0; p < parts; p++) {
            int from = p * COUNT / parts;
            int to = (p + 1) * COUNT / parts;
            pool.submit(new WorkerPool.Job("digits-class", bytes, lines, STEPS, noise, from, to - from, DigitSolve.DIM,
                    (samples, nfe, millis) -> PageErrors.guarded("digits bench", () -> {
                        if (--left[0] == 0) {
                            if (r >= 0) {
                                runs[r] = now() - start;
                            }
                            onWorkers(k, r + 1, runs);
                        }
                    })));
        }
    }

    private void done() {
        if (!"done".equals(root.getAttribute("data-state"))) {
            root.setAttribute("data-state", "done");
        }
    }

    private void row(String path, String where, double w, double[] runs) {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        double median = sorted[runs.length / 2];
        HTMLElement row = Dom.create("tr", null);
        row.setAttribute("data-path", path);
        row.setAttribute("data-w", Double.toString(w));
        row.setAttribute("data-median-ms", Double.toString(Math.round(median * 10) / 10.0));
        StringBuilder list = new StringBuilder();
        for (double v : runs) {
            list.append(list.length() == 0 ? "" : ",").append(Math.round(v * 10) / 10.0);
        }
        row.setAttribute("data-runs", list.toString());
        cell(row, COUNT + " digits × " + STEPS + " steps (heun), w = " + w + (w > 0 ? " (2 passes per evaluation)" : ""));
        cell(row, where);
        cell(row, Math.round(median) + " ms");
        cell(row, list.toString());
        Dom.byId("bench-digits-rows").appendChild(row);
    }

    private static void cell(HTMLElement row, String text) {
        HTMLElement td = Dom.create("td", null);
        Dom.setText(td, text);
        row.appendChild(td);
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
