package flowplay.server.experiment;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import flowplay.server.data.TrainingData;
import flowplay.server.engine.Engine;
import flowplay.server.runs.Progress;
import flowplay.server.runs.TrainingListener;
import flowplay.server.runs.TrainingLoop;

/**
 * Trains one model of the experiment exactly as {@code train} would with the same flags (the same loop, engine and
 * checkpoint metadata), keeping the final checkpoint in memory.
 */
final class ModelTraining {
    private ModelTraining() {
    }

    /** The trained checkpoint and the mean loss of the last report. */
    record Trained(Checkpoint checkpoint, byte[] bytes, double finalLoss, double seconds) {
    }

    static Trained train(Recipe recipe, String dataset, int steps, long seed, Engine engine) {
        SettingValues values = Settings.parse(Settings.TRAIN, recipe.trainSettings(dataset, steps, seed));
        TrainConfig config = TrainConfig.from(values);
        TrainingData data = TrainingData.of(config.dataset(), null);
        Checkpoint[] last = {null};
        byte[][] bytes = {null};
        double[] loss = {Double.NaN};
        long start = System.nanoTime();
        new TrainingLoop(config, data.dataset(), data.metadata(values.asMap()), engine, new TrainingListener() {
            @Override
            public void progress(Progress p) {
                loss[0] = p.loss();
            }

            @Override
            public void checkpoint(Checkpoint checkpoint, byte[] b) {
                last[0] = checkpoint;
                bytes[0] = b;
            }
        }).run(() -> false);
        return new Trained(last[0], bytes[0], loss[0], (System.nanoTime() - start) / 1e9);
    }
}
