package flowplay.server.quality;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import flowplay.server.data.TrainingData;
import flowplay.server.engine.JavaEngine;
import flowplay.server.runs.Progress;
import flowplay.server.runs.TrainingListener;
import flowplay.server.runs.TrainingLoop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The README's digit recipe (`train --dataset digits --batch 256 --width 256 --depth 3 --timeInput fourier --lr 0.002
 * --lrSchedule cosine --ema 0.999`, seed 0) trained here by the real TrainingLoop on the java engine, with fewer steps
 * than the README's 8000 so that the quality tests stay short.
 */
final class DigitRecipe {
    /** Steps trained by the tests (the README's recipe trains 8000). */
    static final int STEPS = 4000;

    private DigitRecipe() {
    }

    static Map<String, String> settings(int steps) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("dataset", "digits");
        raw.put("steps", Integer.toString(steps));
        raw.put("batch", "256");
        raw.put("width", "256");
        raw.put("depth", "3");
        raw.put("timeInput", "fourier");
        raw.put("lr", "0.002");
        raw.put("lrSchedule", "cosine");
        raw.put("ema", "0.999");
        raw.put("seed", "0");
        // Only the last checkpoint is used: no need to serialise one every 250 steps.
        raw.put("checkpointEvery", Integer.toString(steps));
        return raw;
    }

    /** The recipe with {@code extra} settings on top (e.g. conditioning none, coupling dependent); the final checkpoint. */
    static Checkpoint train(Map<String, String> extra) {
        Map<String, String> raw = settings(STEPS);
        raw.putAll(extra);
        SettingValues values = Settings.parse(Settings.TRAIN, raw);
        TrainConfig config = TrainConfig.from(values);
        TrainingData data = TrainingData.of(config.dataset(), null);
        Checkpoint[] last = {null};
        TrainingListener keepLast = new TrainingListener() {
            @Override
            public void progress(Progress progress) {
            }

            @Override
            public void checkpoint(Checkpoint checkpoint, byte[] bytes) {
                last[0] = checkpoint;
            }
        };
        new TrainingLoop(config, data.dataset(), data.metadata(values.asMap()), new JavaEngine(), keepLast).run(() -> false);
        return last[0];
    }
}
