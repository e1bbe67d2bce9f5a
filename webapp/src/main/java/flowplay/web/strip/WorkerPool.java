package flowplay.web.strip;

import flowplay.web.PageErrors;
import flowplay.web.worker.SampleReply;
import flowplay.web.worker.SampleRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Web Workers running {@code sample-worker.js}, one per core the browser reports (at most 4, at least 2), fed from one
 * queue of solves and measures. Each worker remembers the model it was last sent, so the pool sends a checkpoint's bytes
 * only to a worker that does not hold that model yet. A worker gets tasks once it said it is ready (its build loaded
 * and warmed up), and says then which build it runs ({@link #engine}). A worker that fails to start or dies breaks the
 * pool: the strip then solves on the page's own thread, as it does where there are no workers.
 */
public final class WorkerPool {
    /** What a finished solve hands back: samples (count×dim), NFE, and the time the worker spent. */
    public interface Done {
        void solved(float[] samples, int nfe, double millis);
    }

    /** What a finished measure hands back: the distance and the time the worker spent. */
    interface Measured {
        void measured(double metric, double millis);
    }

    /** A worker's task. */
    sealed interface Task permits Job, Measure {
    }

    /**
     * One solve: the model (key and bytes), the sample settings as lines, N, and the noise rows [from, from + count) of
     * dim values each to integrate. A class-conditional model's rows get the labels of their place in the whole batch
     * (the {@code label} setting's i mod 10 counts from row 0 of {@code noise}), so a split changes no sample.
     */
    public record Job(String key, byte[] model, String settings, int steps, float[] noise, int from, int count, int dim, Done done)
            implements Task {
        /** A solve of 2-D points (the strip's). */
        Job(String key, byte[] model, String settings, int steps, float[] noise, int from, int count, Done done) {
            this(key, model, settings, steps, noise, from, count, 2, done);
        }
    }

    /** The energy distance of n samples to m reference points whose own term {@code within} is known. */
    record Measure(float[] samples, int n, float[] reference, int m, double within, Measured done) implements Task {
    }

    private final JSObject[] workers;
    private final String[] heldKey;
    private final Task[] running;
    private final boolean[] ready;
    private final String[] engines;
    private String note;
    private final Deque<Task> queue = new ArrayDeque<>();
    private int nextId;
    private boolean broken;
    private final Runnable onBroken;
    /** Other users of the pool (the digits panel), told too when it breaks: their solves under way never return. */
    private final List<Runnable> alsoOnBroken = new ArrayList<>();
    private final Runnable onReady;

    private WorkerPool(int size, Runnable onBroken, Runnable onReady) {
        this.onBroken = onBroken;
        this.onReady = onReady;
        workers = new JSObject[size];
        heldKey = new String[size];
        running = new Task[size];
        ready = new boolean[size];
        engines = new String[size];
        for (int i = 0; i < size; i++) {
            int index = i;
            workers[i] = start("sample-worker.js" + (pageAsksForJs() ? "?engine=js" : ""), reply -> PageErrors.guarded("strip worker", () -> replied(index, reply)),
                    why -> PageErrors.guarded("strip worker", () -> breakDown("worker " + index + ": " + why)));
        }
    }

    /** A pool, or null where the browser has no Web Workers; {@code onReady} runs when every worker has said its engine. */
    public static WorkerPool create(Runnable onBroken, Runnable onReady) {
        if (!hasWorkers()) {
            return null;
        }
        return new WorkerPool(Math.max(2, Math.min(4, cores())), onBroken, onReady);
    }

    /** Also runs {@code r} when the pool breaks (after the strip's own handler). */
    public void onBroken(Runnable r) {
        alsoOnBroken.add(r);
    }

    public int size() {
        return workers.length;
    }

    public boolean broken() {
        return broken;
    }

    /** The builds the workers run (wasm-gc, js, or both comma-separated), or null until every worker is ready. */
    public String engine() {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < workers.length; i++) {
            if (!ready[i]) {
                return null;
            }
            if (!seen.contains(engines[i])) {
                seen.add(engines[i]);
            }
        }
        return String.join(",", seen);
    }

    /** Why a worker runs the JavaScript build rather than WasmGC, or null. */
    String note() {
        return note;
    }

    public void submit(Job job) {
        queue.addLast(job);
        dispatch();
    }

    /**
     * Ahead of the queued solves: a measure finishes a panel whose samples are all in, and on a page whose workers are
     * all busy solving the next panels it would otherwise wait for all of them.
     */
    void submit(Measure measure) {
        queue.addFirst(measure);
        dispatch();
    }

    /** Forgets the tasks not started yet (a newer pass replaced them); those under way finish and are ignored by their callers. */
    void dropQueued() {
        queue.clear();
    }

    /** Forgets the queued solves of one model (the digits panel's older pass), leaving every other task queued. */
    public void dropQueued(String key) {
        queue.removeIf(t -> t instanceof Job job && job.key().equals(key));
    }

    private void dispatch() {
        for (int i = 0; i < workers.length && !queue.isEmpty() && !broken; i++) {
            if (running[i] != null || !ready[i]) {
                continue;
            }
            Task task = queue.removeFirst();
            running[i] = task;
            int id = nextId++;
            if (task instanceof Job job) {
                ArrayBuffer model = null;
                if (!job.key().equals(heldKey[i])) {
                    model = ownBuffer(Int8Array.copyFromJavaArray(job.model()));
                    heldKey[i] = job.key();
                }
                float[] rows = new float[job.count() * job.dim()];
                System.arraycopy(job.noise(), job.from() * job.dim(), rows, 0, rows.length);
                post(workers[i], SampleRequest.SOLVE, id, job.key(), model, job.settings(), job.steps(),
                        ownCopy(Float32Array.copyFromJavaArray(rows)), job.count(), job.from());
            } else if (task instanceof Measure m) {
                postMeasure(workers[i], id, ownCopy(Float32Array.copyFromJavaArray(m.samples())), m.n(),
                        ownCopy(Float32Array.copyFromJavaArray(m.reference())), m.m(), m.within());
            }
        }
    }

    private void replied(int index, SampleReply reply) {
        if (reply.isReady()) {
            ready[index] = true;
            engines[index] = reply.getEngine();
            if (reply.getNote() != null) {
                note = reply.getNote();
            }
            if (engine() != null) {
                onReady.run();
            }
            dispatch();
            return;
        }
        Task task = running[index];
        running[index] = null;
        if (reply.getError() != null) {
            heldKey[index] = null;
            breakDown("worker " + index + ": " + reply.getError());
            return;
        }
        // The next task first: the worker would idle while the page draws the panel this reply completes.
        dispatch();
        if (task instanceof Job job) {
            job.done().solved(reply.getSamples().copyToJavaArray(), reply.getNfe(), reply.getMillis());
        } else if (task instanceof Measure m) {
            m.done().measured(reply.getMetric(), reply.getMillis());
        }
    }

    private void breakDown(String why) {
        if (broken) {
            return;
        }
        broken = true;
        queue.clear();
        for (JSObject w : workers) {
            terminate(w);
        }
        // Reported, because it is a fault, not a browser without workers; the strip goes on without them.
        PageErrors.report("comparison strip: sampling workers stopped (" + why + "); solving on the page's thread");
        onBroken.run();
        for (Runnable r : alsoOnBroken) {
            r.run();
        }
    }

    @JSFunctor
    interface ReplyHandler extends JSObject {
        void handle(SampleReply reply);
    }

    @JSFunctor
    interface ErrorHandler extends JSObject {
        void handle(String why);
    }

    @JSBody(script = "return typeof Worker !== 'undefined';")
    private static native boolean hasWorkers();

    /** {@code ?worker=js} in the page's URL: the workers' JavaScript build, to test or compare the fallback. */
    @JSBody(script = "return new URLSearchParams(location.search).get('worker') === 'js';")
    private static native boolean pageAsksForJs();

    @JSBody(script = "return navigator.hardwareConcurrency || 2;")
    private static native int cores();

    @JSBody(params = {"url", "onReply", "onError"}, script = "var w = new Worker(url);"
            + "w.onmessage = function(e) { onReply(e.data); };"
            + "w.onerror = function(e) { e.preventDefault(); onError(String(e.message || 'could not run ' + url)); };"
            + "return w;")
    private static native JSObject start(String url, ReplyHandler onReply, ErrorHandler onError);

    @JSBody(params = {"w", "kind", "id", "key", "model", "settings", "steps", "noise", "count", "first"},
            script = "var m = {kind: kind, id: id, key: key, model: model, settings: settings, steps: steps, noise: noise, count: count,"
                    + " first: first};"
                    + "w.postMessage(m, model ? [model, noise.buffer] : [noise.buffer]);")
    private static native void post(JSObject w, String kind, int id, String key, ArrayBuffer model, String settings, int steps,
            Float32Array noise, int count, int first);

    @JSBody(params = {"w", "id", "samples", "count", "reference", "m", "within"},
            script = "w.postMessage({kind: 'measure', id: id, noise: samples, count: count, reference: reference, m: m,"
                    + " within: within}, [samples.buffer, reference.buffer]);")
    private static native void postMeasure(JSObject w, int id, Float32Array samples, int count, Float32Array reference, int m,
            double within);

    /**
     * On the JS backend {@code copyFromJavaArray} returns a view of the Java array's own storage, and a transferred buffer
     * is detached: these copy, so what is transferred is the message's alone.
     */
    @JSBody(params = "a", script = "return new Int8Array(a).buffer;")
    private static native ArrayBuffer ownBuffer(Int8Array a);

    @JSBody(params = "a", script = "return new Float32Array(a);")
    private static native Float32Array ownCopy(Float32Array a);

    @JSBody(params = "w", script = "w.terminate();")
    private static native void terminate(JSObject w);
}
