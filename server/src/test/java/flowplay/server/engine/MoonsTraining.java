package flowplay.server.engine;

import flowplay.core.data.Datasets;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import flowplay.server.runs.Progress;
import flowplay.server.runs.TrainingListener;
import flowplay.server.runs.TrainingLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The end-to-end check every engine must pass: the real training loop on moons lowers the flow-matching loss. */
final class MoonsTraining {
    private MoonsTraining() {
    }

    static void assertLossFalls(Engine engine) {
        TrainConfig config = TrainConfig.from(Settings.parse(Settings.TRAIN, Map.of("steps", "300", "checkpointEvery", "300")));
        List<Progress> reports = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void progress(Progress progress) {
                reports.add(progress);
            }

            @Override
            public void checkpoint(Checkpoint checkpoint, byte[] bytes) {
            }
        };
        new TrainingLoop(config, Datasets.byName(config.dataset()), Map.of(), engine, listener).run(() -> false);
        // Windows of ~30 steps: single batches are noisy, and the flow matching loss has a floor well above zero (~1 here).
        double first = (reports.get(0).loss() + reports.get(1).loss() + reports.get(2).loss()) / 3;
        int k = reports.size();
        double last = (reports.get(k - 1).loss() + reports.get(k - 2).loss() + reports.get(k - 3).loss()) / 3;
        assertTrue(last < 0.85 * first, engine.name() + ": loss " + first + " -> " + last);
    }
}
