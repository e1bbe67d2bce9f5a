package flowplay.server.engine;

import flowplay.core.model.Mlp;
import flowplay.core.settings.TrainConfig;

/** A way to train: builds a trainer from the initial weights and the run's settings. */
public interface Engine {
    String name();

    Trainer trainer(Mlp init, TrainConfig config);

    /**
     * What computes, for the start-up log: the java engine's kernel and float lanes, or ND4J's backend, BLAS and
     * devices. May load native libraries (ND4J), which is then done before the first run rather than inside it.
     */
    default String backend() {
        return name();
    }

    /** The threads one run uses, for the start-up log, e.g. "1" or "1 (ND4J op threads 1, master 1, BLAS 1)". */
    default String threadsPerRun() {
        return "1";
    }
}
