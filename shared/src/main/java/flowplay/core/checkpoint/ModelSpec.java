package flowplay.core.checkpoint;

import flowplay.core.json.Json;
import flowplay.core.json.JsonException;
import flowplay.core.model.Activation;
import flowplay.core.model.Condition;
import flowplay.core.model.NetworkInput;
import flowplay.core.model.TimeEmbedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code flowplay.model} metadata: what the tensors alone do not say (data dimension, activation, how t enters).
 * {@code time} is a {@link TimeEmbedding} id: "linear" (t appended as one input) or "fourier(k)" (t and k harmonics);
 * {@code condition} a {@link Condition} id (absent: "none").
 */
public record ModelSpec(int dim, int[] hidden, Activation activation, String time, Condition condition) {
    public static final String LINEAR_TIME = "linear";

    public ModelSpec(int dim, int[] hidden, Activation activation, String time) {
        this(dim, hidden, activation, time, Condition.NONE);
    }

    /** Inputs between x and t: the inpainting mask's dim values and the one-hot label, as {@link Condition} lays them out. */
    public int conditionDim() {
        return condition.width(dim);
    }

    public TimeEmbedding timeEmbedding() {
        return TimeEmbedding.parse(time);
    }

    /** The layout of the network's input rows: x, the condition, the time features. */
    public NetworkInput input() {
        return new NetworkInput(dim, conditionDim(), timeEmbedding());
    }

    /** Layer sizes of the network: concat(x, condition, τ(t)) in, the hidden widths, the prediction in R^dim out. */
    public int[] layerSizes() {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = input().width();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = dim;
        return sizes;
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dim", Integer.valueOf(dim));
        m.put("hidden", hidden);
        m.put("activation", activation.id());
        m.put("time", time);
        if (!condition.equals(Condition.NONE)) {
            m.put("condition", condition.id());
        }
        return Json.write(m);
    }

    public static ModelSpec parse(String json) {
        Map<String, Object> m;
        try {
            m = Json.parseObject(json);
        } catch (JsonException e) {
            throw new CheckpointFormatException("flowplay.model is not a JSON object: " + e.getMessage());
        }
        int dim = positiveInt(m.get("dim"), "dim");
        if (!(m.get("hidden") instanceof List<?> hiddenList)) {
            throw new CheckpointFormatException("flowplay.model: hidden must be a list of layer widths");
        }
        List<Integer> widths = new ArrayList<>();
        for (Object w : hiddenList) {
            widths.add(Integer.valueOf(positiveInt(w, "hidden")));
        }
        int[] hidden = new int[widths.size()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = widths.get(i);
        }
        Activation activation;
        try {
            activation = Activation.parse(String.valueOf(m.get("activation")));
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException("flowplay.model: " + e.getMessage());
        }
        Object timeValue = m.containsKey("time") ? m.get("time") : LINEAR_TIME;
        TimeEmbedding time;
        try {
            time = TimeEmbedding.parse(String.valueOf(timeValue));
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException("flowplay.model: " + e.getMessage());
        }
        Condition condition;
        try {
            condition = m.containsKey("condition") ? Condition.parse(String.valueOf(m.get("condition"))) : Condition.NONE;
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException("flowplay.model: " + e.getMessage());
        }
        return new ModelSpec(dim, hidden, activation, time.id(), condition);
    }

    private static int positiveInt(Object value, String field) {
        if (!(value instanceof Double d) || d < 1 || d != Math.rint(d) || d > 1_000_000) {
            throw new CheckpointFormatException("flowplay.model: " + field + " must be a positive integer, was " + value);
        }
        return (int) d.doubleValue();
    }
}
