package flowplay.web.worker;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * One solve asked of a {@link SampleWorker}: {@code count} points of source noise through the model named {@code key}
 * (its safetensors bytes come along the first time a worker meets that key) with {@code steps} steps of the sample
 * settings in {@code settings} (lines {@code name=value} of the shared table). {@code id} comes back in the reply.
 */
public interface SampleRequest extends JSObject {
    @JSProperty
    int getId();

    @JSProperty
    String getKey();

    /** The checkpoint's bytes, or null when the worker already holds this key's model. */
    @JSProperty
    ArrayBuffer getModel();

    @JSProperty
    String getSettings();

    @JSProperty
    int getSteps();

    @JSProperty
    Float32Array getNoise();

    @JSProperty
    int getCount();
}
