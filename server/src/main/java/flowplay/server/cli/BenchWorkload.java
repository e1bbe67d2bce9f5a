package flowplay.server.cli;

import flowplay.core.data.Dataset;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import flowplay.server.data.TrainingData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench train} times: the seed workload (two moons, MLP 3-H-H-H-2 ELU, Adam 1e-2) or the digit model of
 * the README's recipe (64-D digits with a one-hot label and label dropout, fourier time, MLP 83-H-H-H-64, Adam 2e-3).
 * Both batch 256; H is the width. The settings go through the train table, so a step is what a real run's step is.
 */
enum BenchWorkload {
    MOONS("moons", "two moons, batch 256, MLP 3-H-H-H-2 ELU, Adam 1e-2", Map.of("dataset", "moons", "lr", "0.01", "activation", "elu")),
    DIGITS("digits", "digits (64-D, class-conditional, label dropout 0.1), batch 256, MLP 83-H-H-H-64 ELU, fourier time (k 4), Adam 2e-3",
            Map.of("dataset", "digits", "lr", "0.002", "timeInput", "fourier", "conditioning", "class"));

    static final int BATCH = 256;
    static final List<String> NAMES = List.of("moons", "digits");

    final String dataset;
    final String description;
    private final Map<String, String> settings;

    BenchWorkload(String dataset, String description, Map<String, String> settings) {
        this.dataset = dataset;
        this.description = description;
        this.settings = settings;
    }

    static BenchWorkload byName(String name) {
        for (BenchWorkload w : values()) {
            if (w.dataset.equals(name)) {
                return w;
            }
        }
        throw new UsageException("invalid value for --dataset: " + name + " (allowed: " + String.join(", ", NAMES) + ")");
    }

    /** The train settings of this workload at width {@code hidden}, depth 3. */
    TrainConfig config(int hidden) {
        Map<String, String> raw = new LinkedHashMap<>(settings);
        raw.put("batch", Integer.toString(BATCH));
        raw.put("width", Integer.toString(hidden));
        raw.put("depth", "3");
        return TrainConfig.from(Settings.parse(Settings.TRAIN, raw));
    }

    Dataset data() {
        return TrainingData.of(dataset, null).dataset();
    }
}
