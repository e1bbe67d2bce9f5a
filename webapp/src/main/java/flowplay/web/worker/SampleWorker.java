package flowplay.web.worker;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.metrics.EnergyDistance;
import flowplay.core.model.Condition;
import flowplay.core.model.ConditionalField;
import flowplay.core.model.PredictionField;
import flowplay.core.sampling.Guidance;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.sampling.SamplingPlan;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolveResult;
import flowplay.web.sampling.SamplingGrid;
import flowplay.web.sampling.SourceNoise;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The entry point of the comparison strip's Web Worker ({@code sample-worker.js} loads it as WasmGC, or as TeaVM's
 * JavaScript where the browser lacks WasmGC): the same core sampler and metric as the page, on a thread of its own, so
 * the strip's panels (or the two halves of one panel — rows of a batched MLP are independent, so a split changes no
 * bit) and their distances to the data are computed in parallel while the page stays responsive. It keeps the last
 * model it was sent, so a pass over many N sends the checkpoint once.
 */
public final class SampleWorker {
    private static String key;
    private static PredictionField field;
    private static Condition condition;

    private SampleWorker() {
    }

    public static void main(String[] args) {
        // Before the first real task: WasmGC runs a loop's first long call on its baseline tier, several times slower.
        WarmUp.run();
        listen(SampleWorker::handle);
        ready(engine(), engineNote());
    }

    private static void handle(SampleRequest r) {
        try {
            if (SampleRequest.MEASURE.equals(r.getKind())) {
                measure(r);
            } else {
                solve(r);
            }
        } catch (RuntimeException e) {
            fail(r.getId(), String.valueOf(e.getMessage()));
        }
    }

    private static void solve(SampleRequest r) {
        if (r.getModel() != null) {
            Checkpoint checkpoint = Checkpoint.fromBytes(new Int8Array(r.getModel()).copyToJavaArray());
            field = checkpoint.velocityField();
            condition = checkpoint.model().condition();
            key = r.getKey();
        } else if (!r.getKey().equals(key)) {
            fail(r.getId(), "model " + r.getKey() + " was never sent to this worker");
            return;
        }
        SettingValues values = Settings.parse(Settings.SAMPLE, settings(r.getSettings()));
        SampleConfig config = SampleConfig.from(values);
        int n = r.getCount();
        float[] x = r.getNoise().copyToJavaArray();
        double start = now();
        SolveResult result;
        if (condition.labelled()) {
            // The digits panel's grid: the label and guidance settings, labels by the rows' place in the whole batch.
            ConditionalField guided = new ConditionalField(field, condition);
            Guidance g = Guidance.from(values);
            int first = r.getFirst();
            guided.labels(Arrays.copyOfRange(g.labels(condition, first + n), first, first + n), g.w());
            result = Sampler.run(guided, config.integrator(), x, n, SamplingGrid.of(field, r.getSteps()), null);
        } else {
            SamplingPlan plan = config.plan(field, SamplingGrid.EPS);
            result = Sampler.run(plan.field(), config.integrator(), x, n, plan.grid(r.getSteps()), null);
        }
        solved(r.getId(), Float32Array.copyFromJavaArray(x), result.nfe(), now() - start);
    }

    /** The page's own expression ({@code StripSampler.measure}), so the distance is the same to the last bit. */
    private static void measure(SampleRequest r) {
        float[] samples = r.getNoise().copyToJavaArray();
        float[] reference = r.getReference().copyToJavaArray();
        double start = now();
        double metric = EnergyDistance.of(samples, r.getCount(), reference, r.getM(), SourceNoise.DIM, r.getWithin());
        measured(r.getId(), metric, now() - start);
    }

    /** The inverse of {@code SettingValues.asMap()} written as lines {@code name=value}. */
    public static Map<String, String> settings(String lines) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String line : lines.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                raw.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return raw;
    }

    public static String lines(Map<String, String> settings) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return b.toString();
    }

    @JSFunctor
    interface Handler extends JSObject {
        void handle(SampleRequest request);
    }

    @JSBody(params = "handler", script = "self.onmessage = function(e) { handler(e.data); };")
    private static native void listen(Handler handler);

    /** Set by sample-worker.js, which chose the build: wasm-gc or js. */
    @JSBody(script = "return String(self.flowplayWorkerEngine || 'js');")
    private static native String engine();

    @JSBody(script = "return self.flowplayWorkerNote ? String(self.flowplayWorkerNote) : null;")
    private static native String engineNote();

    @JSBody(params = {"engine", "note"}, script = "self.postMessage({ready: true, engine: engine, note: note});")
    private static native void ready(String engine, String note);

    /** The samples' buffer is transferred, not copied: the worker keeps nothing of a solve. */
    @JSBody(params = {"id", "samples", "nfe", "millis"},
            script = "self.postMessage({id: id, error: null, samples: samples, nfe: nfe, millis: millis}, [samples.buffer]);")
    private static native void solved(int id, Float32Array samples, int nfe, double millis);

    @JSBody(params = {"id", "metric", "millis"}, script = "self.postMessage({id: id, error: null, metric: metric, millis: millis});")
    private static native void measured(int id, double metric, double millis);

    @JSBody(params = {"id", "error"}, script = "self.postMessage({id: id, error: error, samples: null, nfe: 0, millis: 0});")
    private static native void fail(int id, String error);

    @JSBody(script = "return performance.now();")
    private static native double now();
}
