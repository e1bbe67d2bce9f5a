package flowplay.server.engine;

import flowplay.core.model.Mlp;
import flowplay.core.settings.TrainConfig;

/** ND4J, one native thread per run: on the CPU, or on a CUDA GPU in a -Pcuda build (ND4J picks the backend). */
public final class Nd4jEngine implements Engine {
    @Override
    public String name() {
        return "nd4j";
    }

    /** Loads the native libraries (seconds on first start), so that the first run does not pay for it. */
    @Override
    public String backend() {
        return Nd4jRuntime.describe();
    }

    @Override
    public String threadsPerRun() {
        return "1 (" + Nd4jRuntime.threads() + ")";
    }

    @Override
    public Trainer trainer(Mlp init, TrainConfig config) {
        return new Nd4jTrainer(init, config.batch());
    }
}
