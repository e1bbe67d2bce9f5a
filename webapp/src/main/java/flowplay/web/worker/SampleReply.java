package flowplay.web.worker;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * A {@link SampleWorker}'s answer: first, once, that it is ready and on which engine; then per request {@code id} the
 * samples and NFE of a solve or the distance of a measure, or the error that stopped it.
 */
public interface SampleReply extends JSObject {
    @JSProperty
    boolean isReady();

    /** With ready: wasm-gc or js, what the worker's Java was compiled to. */
    @JSProperty
    String getEngine();

    /** With ready on js: why WasmGC was not used (null when it was not tried). */
    @JSProperty
    String getNote();

    @JSProperty
    int getId();

    /** null on success. */
    @JSProperty
    String getError();

    @JSProperty
    Float32Array getSamples();

    @JSProperty
    int getNfe();

    @JSProperty
    double getMetric();

    /** Time spent solving or measuring inside the worker. */
    @JSProperty
    double getMillis();
}
