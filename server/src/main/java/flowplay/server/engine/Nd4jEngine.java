package flowplay.server.engine;

import flowplay.core.model.Mlp;
import flowplay.core.settings.TrainConfig;

/** ND4J on the CPU, one native thread per run. */
public final class Nd4jEngine implements Engine {
    @Override
    public String name() {
        return "nd4j";
    }

    /** Loads the native libraries and logs the set-up, so that the first run does not pay for it. */
    public void warmUp() {
        Nd4jRuntime.ensureReady();
    }

    @Override
    public Trainer trainer(Mlp init, TrainConfig config) {
        return new Nd4jTrainer(init, config.batch());
    }
}
