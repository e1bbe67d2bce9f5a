package flowplay.web.strip;

import flowplay.core.model.PredictionField;
import flowplay.core.sampling.SampleConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finished panels of one model, so that an edit of the step list recomputes only the N that are new: a panel is a
 * pure function of (model, solver and its parameters, schedule, N, noise, metric). Each row of the strip has its own cache; a different model
 * empties it. Bounded, least recently used first out, because each entry holds a copy of its samples.
 */
final class PanelCache {
    private static final int CAPACITY = 48;

    /** What a finished panel needs to be drawn again: its numbers and its samples (n×2, a private copy). */
    record Entry(StripSampler.Panel panel, float[] samples, double millis) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private PredictionField model;

    /** The panel for these inputs if it was computed for this model, else null. */
    Entry find(PredictionField field, SampleConfig config, int steps, int n, String metric) {
        if (field != model) {
            return null;
        }
        return entries.get(key(config, steps, n, metric));
    }

    void put(PredictionField field, SampleConfig config, int n, String metric, StripSampler.Panel panel,
            float[] samples, double millis) {
        if (field != model) {
            entries.clear();
            model = field;
        }
        float[] copy = new float[n * 2];
        System.arraycopy(samples, 0, copy, 0, copy.length);
        entries.put(key(config, panel.steps(), n, metric), new Entry(panel, copy, millis));
        if (entries.size() > CAPACITY) {
            String eldest = entries.keySet().iterator().next();
            entries.remove(eldest);
        }
    }

    int size() {
        return entries.size();
    }

    private static String key(SampleConfig config, int steps, int n, String metric) {
        return config.solveKey() + '|' + steps + '|' + n + '|' + config.noiseSeed() + '|' + metric;
    }
}
