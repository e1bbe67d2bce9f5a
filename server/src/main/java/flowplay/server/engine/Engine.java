package flowplay.server.engine;

import flowplay.core.model.Mlp;
import flowplay.core.settings.TrainConfig;

/** A way to train: builds a trainer from the initial weights and the run's settings. */
public interface Engine {
    String name();

    Trainer trainer(Mlp init, TrainConfig config);
}
