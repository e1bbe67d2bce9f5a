package flowplay.core.checkpoint;

import flowplay.core.json.JsonException;
import flowplay.core.model.Condition;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.AffinePath;
import flowplay.core.path.Scheduler;
import flowplay.core.path.Schedulers;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained network as one safetensors file: linear layer k as {@code net.k.weight} [out, in] and
 * {@code net.k.bias} [out], plus {@code flowplay.*} metadata saying the path it was trained on and what it predicts.
 * Reading also accepts a PyTorch {@code nn.Sequential} state dict, whose linear layers are numbered among the
 * activations ({@code 0, 2, 4, …}, under any prefix).
 */
public record Checkpoint(Mlp mlp, ModelSpec model, Scheduler scheduler, Prediction prediction, Map<String, String> metadata) {
    public static final String VERSION = "1";
    public static final String KEY_VERSION = "flowplay.version";
    public static final String KEY_MODEL = "flowplay.model";
    public static final String KEY_PATH = "flowplay.path";
    public static final String KEY_PREDICTION = "flowplay.prediction";
    public static final String KEY_TRAINING = "flowplay.training";
    public static final String KEY_STEP = "flowplay.step";

    /** A checkpoint of {@code mlp} (time input linear) predicting {@code prediction} on the scheduler's path; extra keys are added as they are. */
    public static Checkpoint of(Mlp mlp, Scheduler scheduler, Prediction prediction, Map<String, String> extraMetadata) {
        return of(mlp, TimeEmbedding.LINEAR, scheduler, prediction, extraMetadata);
    }

    /**
     * As {@link #of(Mlp, Scheduler, Prediction, Map)} for a network that reads t through {@code time}; its condition is
     * told apart by input size alone: none, or an inpainting mask.
     */
    public static Checkpoint of(Mlp mlp, TimeEmbedding time, Scheduler scheduler, Prediction prediction, Map<String, String> extraMetadata) {
        int dim = mlp.outputSize();
        Condition condition = mlp.sizes()[0] - dim - time.size() == dim ? Condition.MASK : Condition.NONE;
        return of(mlp, time, condition, scheduler, prediction, extraMetadata);
    }

    /** A checkpoint of a network on concat(x, c, τ(t)) with c laid out as {@code condition} says. */
    public static Checkpoint of(Mlp mlp, TimeEmbedding time, Condition condition, Scheduler scheduler, Prediction prediction,
                                Map<String, String> extraMetadata) {
        int[] sizes = mlp.sizes();
        int dim = mlp.outputSize();
        if (sizes[0] != dim + condition.width(dim) + time.size()) {
            throw new IllegalArgumentException("the network must map concat(x, c, τ(t)) to R^" + dim + " with " + condition.width(dim)
                    + " condition inputs (" + condition.id() + ") and " + time.size() + " time inputs (" + time.id() + "), but takes "
                    + sizes[0] + " inputs");
        }
        int[] hidden = new int[sizes.length - 2];
        System.arraycopy(sizes, 1, hidden, 0, hidden.length);
        ModelSpec model = new ModelSpec(dim, hidden, mlp.activation(), time.id(), condition);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(KEY_VERSION, VERSION);
        metadata.put(KEY_MODEL, model.toJson());
        metadata.put(KEY_PATH, Schedulers.toJson(scheduler));
        metadata.put(KEY_PREDICTION, prediction.id());
        metadata.putAll(extraMetadata);
        return new Checkpoint(mlp, model, scheduler, prediction, metadata);
    }

    /** The velocity field the network defines, whatever it predicts: what every sampler integrates. */
    public PredictionField velocityField() {
        return new PredictionField(mlp, prediction, new AffinePath(scheduler), model.timeEmbedding());
    }

    /** The training step this checkpoint was taken at, or −1 when the file does not say. */
    public long step() {
        String s = metadata.get(KEY_STEP);
        if (s == null) {
            return -1;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public byte[] toBytes() {
        List<Tensor> tensors = new ArrayList<>();
        int[] sizes = mlp.sizes();
        for (int k = 0; k < mlp.layers(); k++) {
            tensors.add(new Tensor("net." + k + ".weight", new int[] {sizes[k + 1], sizes[k]}, mlp.weights()[k]));
            tensors.add(new Tensor("net." + k + ".bias", new int[] {sizes[k + 1]}, mlp.biases()[k]));
        }
        return Safetensors.write(tensors, metadata);
    }

    public static Checkpoint fromBytes(byte[] bytes) {
        SafetensorsFile file = Safetensors.read(bytes);
        Map<String, String> meta = file.metadata();
        String version = meta.get(KEY_VERSION);
        if (version != null && !VERSION.equals(version)) {
            throw new CheckpointFormatException(KEY_VERSION + " '" + version + "' is not supported (" + VERSION + ")");
        }
        String modelJson = meta.get(KEY_MODEL);
        if (modelJson == null) {
            throw new CheckpointFormatException("missing metadata " + KEY_MODEL
                    + " (a JSON string {\"dim\": d, \"hidden\": [..], \"activation\": \"elu\", \"time\": \"linear\"})");
        }
        ModelSpec model = ModelSpec.parse(modelJson);
        Scheduler scheduler = scheduler(meta.get(KEY_PATH));
        Prediction prediction = prediction(meta.get(KEY_PREDICTION));
        Mlp mlp = LinearLayers.toMlp(file.tensors(), model);
        return new Checkpoint(mlp, model, scheduler, prediction, new LinkedHashMap<>(meta));
    }

    /** Absent means the seed's path, condot, so that a bare PyTorch export with only flowplay.model still loads. */
    private static Scheduler scheduler(String pathJson) {
        if (pathJson == null) {
            return new CondOt();
        }
        try {
            return Schedulers.fromJson(pathJson);
        } catch (JsonException | IllegalArgumentException e) {
            throw new CheckpointFormatException(KEY_PATH + ": " + e.getMessage());
        }
    }

    private static Prediction prediction(String id) {
        if (id == null) {
            return Prediction.VELOCITY;
        }
        try {
            return Prediction.parse(id);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(KEY_PREDICTION + ": " + e.getMessage());
        }
    }
}
