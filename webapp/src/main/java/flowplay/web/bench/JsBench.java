package flowplay.web.bench;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * The JavaScript side of the bench page: the WasmGC module's entry point, TensorFlow.js ({@code bench-tfjs.js}) and
 * float arrays across the boundary. Arrays are copied element by element: TeaVM's bulk helpers share memory on the JS
 * backend and differ on WasmGC.
 */
final class JsBench {
    private JsBench() {
    }

    /** An engine's result from JavaScript: the seconds of each timed run (comma-separated), the final points, a note. */
    @JSFunctor
    interface SamplesDone extends JSObject {
        void done(String seconds, Float32Array samples, String note);
    }

    @JSFunctor
    interface Message extends JSObject {
        void accept(String message);
    }

    @JSFunctor
    interface Ready extends JSObject {
        void ready();
    }

    /** What bench.wasm registers: runs the workload on the WasmGC CPU sampler and calls back. */
    @JSFunctor
    interface WasmBench extends JSObject {
        void run(int points, int steps, int reps, int warmupSteps, int seed, SamplesDone done, Message failed);
    }

    static Float32Array toJs(float[] a) {
        Float32Array out = new Float32Array(a.length);
        for (int i = 0; i < a.length; i++) {
            out.set(i, a[i]);
        }
        return out;
    }

    static float[] toJava(Float32Array a) {
        float[] out = new float[a.getLength()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }

    static JSArray<Float32Array> toJs(float[][] arrays) {
        JSArray<Float32Array> out = JSArray.create();
        for (float[] a : arrays) {
            out.push(toJs(a));
        }
        return out;
    }

    @JSBody(params = "f", script = "window.flowplayWasmBench = f;")
    static native void registerWasmBench(WasmBench f);

    @JSBody(script = "return typeof window.flowplayWasmBench === 'function';")
    static native boolean wasmBenchRegistered();

    @JSBody(params = {"points", "steps", "reps", "warmupSteps", "seed", "done", "failed"},
            script = "window.flowplayWasmBench(points, steps, reps, warmupSteps, seed, done, failed);")
    static native void runWasmBench(int points, int steps, int reps, int warmupSteps, int seed, SamplesDone done, Message failed);

    /** Loads bench.wasm with TeaVM's WasmGC runtime and runs its main, which registers {@code flowplayWasmBench}. */
    @JSBody(params = {"url", "ready", "unavailable", "failed"}, script = ""
            + "if (typeof WebAssembly !== 'object') { unavailable('no WebAssembly in this browser'); return; }"
            + "if (!window.TeaVM || !TeaVM.wasmGC) { failed('the WasmGC runtime (bench.wasm-runtime.js) did not load'); return; }"
            + "TeaVM.wasmGC.load(url).then(function (teavm) {"
            + "  teavm.exports.main([]);"
            + "  ready();"
            + "}, function (e) {"
            + "  var m = String(e && e.message ? e.message : e);"
            + "  if (e instanceof WebAssembly.CompileError) { unavailable('WasmGC not supported: ' + m); } else { failed('loading ' + url + ': ' + m); }"
            + "});")
    static native void loadWasmGc(String url, Ready ready, Message unavailable, Message failed);

    /** Starts a TensorFlow.js run (bench-tfjs.js); {@code unavailable} when TF.js is not installed or the backend is missing. */
    @JSBody(params = {"backend", "base", "sizes", "weights", "biases", "noise", "points", "steps", "reps", "warmupSteps",
            "done", "unavailable", "failed"}, script = ""
            + "if (!window.flowplayTfjs) { failed('bench-tfjs.js did not load'); return; }"
            + "flowplayTfjs.run(backend, base, { sizes: sizes.split(',').map(Number), weights: weights, biases: biases,"
            + "  noise: noise, points: points, steps: steps, reps: reps, warmupSteps: warmupSteps }, done, unavailable, failed);")
    static native void runTfjs(String backend, String base, String sizes, JSArray<Float32Array> weights,
            JSArray<Float32Array> biases, Float32Array noise, int points, int steps, int reps, int warmupSteps,
            SamplesDone done, Message unavailable, Message failed);

    /** A URL query parameter of the page, or null. */
    @JSBody(params = "name", script = "return new URLSearchParams(window.location.search).get(name);")
    static native String query(String name);

    @JSBody(script = "return navigator.userAgent;")
    static native String userAgent();
}
