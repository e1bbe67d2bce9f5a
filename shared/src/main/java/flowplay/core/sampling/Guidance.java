package flowplay.core.sampling;

import flowplay.core.model.Condition;
import flowplay.core.settings.SettingValues;

/**
 * Which class a class-conditional model is asked for, and how hard: the {@code label} and {@code guidance} sample
 * settings, typed.
 *
 * @param label the class, or {@link #ALL} for the classes in turn
 * @param w     classifier-free guidance weight, ≥ 0
 */
public record Guidance(int label, double w) {
    public static final int ALL = -1;

    public static Guidance from(SettingValues v) {
        String label = v.getString("label");
        return new Guidance("all".equals(label) ? ALL : Integer.parseInt(label), v.getDouble("guidance"));
    }

    /** The labels of n samples: the one class, or sample i getting class i mod classes; null for an unlabelled model. */
    public int[] labels(Condition condition, int n) {
        if (!condition.labelled()) {
            return null;
        }
        if (label >= condition.classes()) {
            throw new IllegalArgumentException("label " + label + " is not a class of this model (0.." + (condition.classes() - 1) + ")");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = label == ALL ? i % condition.classes() : label;
        }
        return labels;
    }
}
