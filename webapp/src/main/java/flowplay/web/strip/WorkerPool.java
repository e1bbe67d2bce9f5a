package flowplay.web.strip;

import flowplay.web.PageErrors;
import flowplay.web.worker.SampleReply;
import java.util.ArrayDeque;
import java.util.Deque;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Web Workers running {@code sample-worker.js}, one per core the browser reports (at most 4, at least 2), fed from one
 * queue of solves. Each worker remembers the model it was last sent, so the pool sends a checkpoint's bytes only to a
 * worker that does not hold that model yet. A worker that fails to start or dies breaks the pool: the strip then
 * solves on the page's own thread, as it does where there are no workers.
 */
final class WorkerPool {
    /** What a finished solve hands back: samples (count×2), NFE, and the time the worker spent. */
    interface Done {
        void solved(float[] samples, int nfe, double millis);
    }

    /** One solve: the model (key and bytes), the sample settings as lines, N, and the noise rows to integrate. */
    record Job(String key, byte[] model, String settings, int steps, float[] noise, int from, int count, Done done) {
    }

    private final JSObject[] workers;
    private final String[] heldKey;
    private final Job[] running;
    private final Deque<Job> queue = new ArrayDeque<>();
    private int nextId;
    private boolean broken;
    private final Runnable onBroken;

    private WorkerPool(int size, Runnable onBroken) {
        this.onBroken = onBroken;
        workers = new JSObject[size];
        heldKey = new String[size];
        running = new Job[size];
        for (int i = 0; i < size; i++) {
            int index = i;
            workers[i] = start("sample-worker.js", reply -> PageErrors.guarded("strip worker", () -> replied(index, reply)),
                    why -> PageErrors.guarded("strip worker", () -> breakDown("worker " + index + ": " + why)));
        }
    }

    /** A pool, or null where the browser has no Web Workers. */
    static WorkerPool create(Runnable onBroken) {
        if (!hasWorkers()) {
            return null;
        }
        return new WorkerPool(Math.max(2, Math.min(4, cores())), onBroken);
    }

    int size() {
        return workers.length;
    }

    boolean broken() {
        return broken;
    }

    void submit(Job job) {
        queue.addLast(job);
        dispatch();
    }

    /** Forgets the solves not started yet (a newer pass replaced them); those under way finish and are ignored by their callers. */
    void dropQueued() {
        queue.clear();
    }

    private void dispatch() {
        for (int i = 0; i < workers.length && !queue.isEmpty() && !broken; i++) {
            if (running[i] != null) {
                continue;
            }
            Job job = queue.removeFirst();
            running[i] = job;
            int id = nextId++;
            ArrayBuffer model = null;
            if (!job.key().equals(heldKey[i])) {
                model = ownBuffer(Int8Array.copyFromJavaArray(job.model()));
                heldKey[i] = job.key();
            }
            float[] rows = new float[job.count() * 2];
            System.arraycopy(job.noise(), job.from() * 2, rows, 0, rows.length);
            post(workers[i], id, job.key(), model, job.settings(), job.steps(), ownCopy(Float32Array.copyFromJavaArray(rows)),
                    job.count());
        }
    }

    private void replied(int index, SampleReply reply) {
        Job job = running[index];
        running[index] = null;
        if (reply.getError() != null) {
            heldKey[index] = null;
            breakDown("worker " + index + ": " + reply.getError());
            return;
        }
        if (job != null) {
            job.done().solved(reply.getSamples().copyToJavaArray(), reply.getNfe(), reply.getMillis());
        }
        dispatch();
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

    @JSBody(script = "return navigator.hardwareConcurrency || 2;")
    private static native int cores();

    @JSBody(params = {"url", "onReply", "onError"}, script = "var w = new Worker(url);"
            + "w.onmessage = function(e) { onReply(e.data); };"
            + "w.onerror = function(e) { e.preventDefault(); onError(String(e.message || 'could not run ' + url)); };"
            + "return w;")
    private static native JSObject start(String url, ReplyHandler onReply, ErrorHandler onError);

    @JSBody(params = {"w", "id", "key", "model", "settings", "steps", "noise", "count"},
            script = "var m = {id: id, key: key, model: model, settings: settings, steps: steps, noise: noise, count: count};"
                    + "w.postMessage(m, model ? [model, noise.buffer] : [noise.buffer]);")
    private static native void post(JSObject w, int id, String key, ArrayBuffer model, String settings, int steps, Float32Array noise,
            int count);

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
