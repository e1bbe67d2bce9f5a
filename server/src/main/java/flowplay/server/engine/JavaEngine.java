package flowplay.server.engine;

import flowplay.core.model.Mlp;
import flowplay.core.settings.TrainConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fused pure-Java trainer, one thread per run, on Vector API kernels when the JVM has the module. */
public final class JavaEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(JavaEngine.class);
    private static boolean logged;

    private final Kernels kernels;

    public JavaEngine() {
        this.kernels = Kernels.best();
        logOnce(kernels);
    }

    private static synchronized void logOnce(Kernels kernels) {
        if (logged) {
            return;
        }
        logged = true;
        LOG.info("engine java, kernel {}, threads 1 per run, {} cores", kernels.describe(), Runtime.getRuntime().availableProcessors());
        if (!"vector".equals(kernels.name())) {
            LOG.info("scalar kernels: start the JVM with --add-modules jdk.incubator.vector for the faster vector kernels");
        }
    }

    @Override
    public String name() {
        return "java";
    }

    /** "vector (16 float lanes, 512-bit)" or "scalar". */
    public String kernel() {
        return kernels.describe();
    }

    @Override
    public Trainer trainer(Mlp init, TrainConfig config) {
        return new JavaTrainer(init, config.batch(), kernels);
    }
}
