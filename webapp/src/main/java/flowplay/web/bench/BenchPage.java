package flowplay.web.bench;

import flowplay.web.PageErrors;
import flowplay.web.ui.Dom;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of bench.html (bench.js): runs the {@link BenchWorkload} on each engine in turn in this one page — the
 * TeaVM CPU sampler as JavaScript and as WasmGC, TensorFlow.js on its wasm, cpu and webgpu backends, and
 * the slot for the WebGPU compute sampler — and writes {@link BenchTable}. {@code #bench[data-state]} turns "done"
 * when every engine has ended. Query parameters: {@code points} (default 10000), {@code steps} (100), {@code reps} (3),
 * {@code warmup} (steps/5), {@code seed} (1), {@code engines} (comma-separated names, default all, WasmGC before TF.js: TeaVM's WasmGC loader must not see the
 * {@code process} global some scripts define),
 * {@code tfjs} (where TF.js lives, default {@code vendor/tfjs/}), {@code digitsReps} (3; 0 skips {@link DigitsGridBench}); {@code reps.<engine>} and {@code warmup.<engine>} override
 * the runs of one engine (e.g. {@code reps.tfjs-webgpu=1} where SwiftShader makes it take minutes).
 */
public final class BenchPage {
    static final String REFERENCE = "teavm-js";
    static final String DEFAULT_ENGINES = "teavm-js,teavm-wasmgc,webgpu-compute,tfjs-wasm,tfjs-cpu,tfjs-webgpu";

    private final BenchWorkload workload;
    private final List<BenchEngine> engines;
    private final BenchTable table;
    private final HTMLElement root;
    private float[] reference;
    private int index = -1;

    private BenchPage(BenchWorkload workload, List<BenchEngine> engines, BenchTable table, HTMLElement root) {
        this.workload = workload;
        this.engines = engines;
        this.table = table;
        this.root = root;
    }

    public static void main(String[] args) {
        PageErrors.install();
        HTMLElement root = Dom.byId("bench");
        try {
            int steps = intParam("steps", 100);
            BenchWorkload w = new BenchWorkload(intParam("points", 10_000), steps, intParam("reps", 3),
                    intParam("warmup", BenchWorkload.defaultWarmup(steps)), intParam("seed", 1));
            String base = JsBench.query("tfjs");
            List<BenchEngine> engines = engines(orDefault(JsBench.query("engines"), DEFAULT_ENGINES),
                    base == null || base.isEmpty() ? TfjsEngine.DEFAULT_BASE : base);
            root.setAttribute("data-points", Integer.toString(w.points));
            root.setAttribute("data-steps", Integer.toString(w.steps));
            root.setAttribute("data-reps", Integer.toString(w.reps));
            root.setAttribute("data-warmup", Integer.toString(w.warmupSteps));
            root.setAttribute("data-user-agent", JsBench.userAgent());
            Dom.setText(Dom.byId("bench-workload"), w.describe());
            BenchTable table = new BenchTable(Dom.byId("bench-rows"));
            for (BenchEngine e : engines) {
                table.add(e.name());
            }
            new BenchPage(w, engines, table, root).next();
        } catch (RuntimeException e) {
            root.setAttribute("data-state", "failed");
            PageErrors.report("bench", e);
        }
    }

    static List<BenchEngine> engines(String names, String tfjsBase) {
        List<BenchEngine> list = new ArrayList<>();
        for (String raw : names.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("teavm-js")) {
                list.add(new TeaVmCpuEngine());
            } else if (name.equals("teavm-wasmgc")) {
                list.add(new WasmGcEngine());
            } else if (name.equals("webgpu-compute")) {
                list.add(new GpuComputeSlot());
            } else if (name.equals("tfjs-wasm") || name.equals("tfjs-webgpu") || name.equals("tfjs-cpu")) {
                list.add(new TfjsEngine(name.substring("tfjs-".length()), tfjsBase));
            } else {
                throw new IllegalArgumentException("unknown engine '" + name + "' in ?engines= (known: " + DEFAULT_ENGINES + ")");
            }
        }
        return list;
    }

    private void next() {
        index++;
        if (index >= engines.size()) {
            table.ratios();
            root.setAttribute("data-state", "done");
            // The digits grid after the engines, so it never competes with them for the thread (?digitsReps=0 skips it).
            int digitReps = intParam("digitsReps", 3);
            if (digitReps > 0) {
                DigitsGridBench.run(Dom.byId("bench-digits"), digitReps);
            }
            return;
        }
        BenchEngine engine = engines.get(index);
        BenchTable.Row row = table.row(engine.name());
        BenchWorkload w;
        try {
            w = forEngine(engine.name());
        } catch (RuntimeException e) {
            row.ended("failed", e.getMessage());
            next();
            return;
        }
        row.running(w);
        int mine = index;
        BenchCallback callback = new BenchCallback() {
            private boolean ended;

            private boolean first() {
                if (ended || mine != index) {
                    return false;
                }
                ended = true;
                return true;
            }

            @Override
            public void done(BenchResult result) {
                if (!first()) {
                    return;
                }
                try {
                    double diff = Double.NaN;
                    int count = w.points * 2;
                    if (engine.name().equals(REFERENCE)) {
                        reference = result.samples;
                        diff = 0;
                    } else if (reference != null && result.samples.length >= count) {
                        diff = BenchResult.maxAbsDiff(reference, result.samples, count);
                    }
                    row.done(result, w, diff);
                } catch (RuntimeException e) {
                    row.ended("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                next();
            }

            @Override
            public void unavailable(String reason) {
                if (first()) {
                    row.ended("unavailable", reason);
                    next();
                }
            }

            @Override
            public void failed(String error) {
                if (first()) {
                    row.ended("failed", error);
                    next();
                }
            }
        };
        try {
            engine.run(w, callback);
        } catch (RuntimeException e) {
            callback.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The workload with {@code ?reps.<engine>=} and {@code ?warmup.<engine>=} applied (e.g. fewer runs for a slow engine). */
    private BenchWorkload forEngine(String name) {
        return new BenchWorkload(workload.points, workload.steps, intParam("reps." + name, workload.reps),
                intParam("warmup." + name, workload.warmupSteps), workload.seed);
    }

    private static int intParam(String name, int fallback) {
        String v = JsBench.query(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("?" + name + "=" + v + " is not a whole number");
        }
    }

    private static String orDefault(String v, String fallback) {
        return v == null || v.trim().isEmpty() ? fallback : v;
    }
}
