package flowplay.web.gpu;

import java.util.function.Consumer;
import org.teavm.jso.browser.Window;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.webgpu.GPUBuffer;
import org.teavm.jso.webgpu.GPUDevice;

/**
 * One sampling call in flight. It ends once three asynchronous answers are in — the validation and out-of-memory error
 * scopes around the work, and the mapping of the read-back buffer — because a rejected command buffer still lets the
 * read-back buffer map (full of zeros): only with both scopes clean are the mapped values samples. A timer turns a
 * lost answer into a failure instead of a page that waits for ever. Exactly one of done / failed is called, once.
 */
final class GpuRun {
    /** Far above any solve the page asks for, even on SwiftShader; only a stuck device gets here. */
    static final int TIMEOUT_MS = 120_000;

    private final Consumer<float[]> done;
    private final Consumer<String> failed;
    private final GPUBuffer readBack;
    private final int floats;
    private final Runnable cleanUp;
    private int pending = 3;
    private String error;
    private boolean finished;

    GpuRun(GPUBuffer readBack, int floats, Runnable cleanUp, Consumer<float[]> done, Consumer<String> failed) {
        this.readBack = readBack;
        this.floats = floats;
        this.cleanUp = cleanUp;
        this.done = done;
        this.failed = failed;
        Window.setTimeout(() -> {
            if (!finished) {
                finish("no result from the GPU within " + TIMEOUT_MS / 1000 + " s");
            }
        }, TIMEOUT_MS);
    }

    /** Waits for the two error scopes (pushed before the work, in the order validation then out-of-memory) and the map. */
    void await(GPUDevice device) {
        for (int k = 0; k < 2; k++) {
            device.popErrorScope().then(e -> {
                if (e != null) {
                    problem("WebGPU error: " + e.getMessage());
                }
                arrive();
                return null;
            }, e -> {
                problem("WebGPU error scope rejected: " + describe(e));
                arrive();
                return null;
            });
        }
        readBack.mapAsync(GPUBuffer.MapMode.READ).then(v -> {
            arrive();
            return null;
        }, e -> {
            problem("reading the samples back failed: " + describe(e));
            arrive();
            return null;
        });
    }

    void problem(String message) {
        if (error == null) {
            error = message;
        }
    }

    private void arrive() {
        pending--;
        if (pending == 0 && !finished) {
            finish(error);
        }
    }

    private void finish(String failure) {
        finished = true;
        float[] out = null;
        String why = failure;
        try {
            if (why == null) {
                // Element by element: on the JS backend a Java float[] view of the mapped range would be detached by unmap().
                Float32Array mapped = new Float32Array(readBack.getMappedRange());
                out = new float[floats];
                for (int i = 0; i < floats; i++) {
                    out[i] = mapped.get(i);
                }
                readBack.unmap();
            }
        } catch (RuntimeException e) {
            why = "reading the samples back failed: " + e.getMessage();
        } finally {
            cleanUp.run();
        }
        // Called outside the try: an exception in the caller's callback is the caller's, not a failed read-back.
        if (why != null) {
            failed.accept(why);
        } else {
            done.accept(out);
        }
    }

    private static String describe(Object e) {
        return e == null ? "unknown" : flowplay.web.PageErrors.describe((org.teavm.jso.JSObject) e);
    }
}
