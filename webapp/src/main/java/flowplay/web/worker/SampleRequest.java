package flowplay.web.worker;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * One task asked of a {@link SampleWorker}, by {@code kind}. {@code solve}: {@code count} points of source noise
 * ({@code noise}) through the model named {@code key} (its safetensors bytes come along the first time a worker meets
 * that key) with {@code steps} steps of the sample settings in {@code settings} (lines {@code name=value} of the shared
 * table). {@code measure}: the energy distance of {@code count} samples ({@code noise}) to {@code m} reference points,
 * the reference's own term {@code within} given. {@code id} comes back in the reply.
 */
public interface SampleRequest extends JSObject {
    String SOLVE = "solve";
    String MEASURE = "measure";

    @JSProperty
    String getKind();

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

    /** The points to integrate (solve) or to measure (measure), count×2. */
    @JSProperty
    Float32Array getNoise();

    @JSProperty
    int getCount();

    /** The solve's first row in the whole batch: a class-conditional model's labels count from there. */
    @JSProperty
    int getFirst();

    @JSProperty
    Float32Array getReference();

    @JSProperty
    int getM();

    @JSProperty
    double getWithin();
}
