package flowplay.web.worker;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.Float32Array;

/** A {@link SampleWorker}'s answer: the samples and NFE of request {@code id}, or the error that stopped it. */
public interface SampleReply extends JSObject {
    @JSProperty
    int getId();

    /** null on success. */
    @JSProperty
    String getError();

    @JSProperty
    Float32Array getSamples();

    @JSProperty
    int getNfe();

    /** Time spent solving inside the worker. */
    @JSProperty
    double getMillis();
}
