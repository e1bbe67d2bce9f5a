package flowplay.server.engine;

import flowplay.core.model.Mlp;
import flowplay.core.settings.TrainConfig;

/** The fused pure-Java trainer, one thread per run, on Vector API kernels when the JVM has the module. */
public final class JavaEngine implements Engine {
    private final Kernels kernels;

    public JavaEngine() {
        this.kernels = Kernels.best();
    }

    @Override
    public String name() {
        return "java";
    }

    /** "vector (16 float lanes, 512-bit)" or "scalar". */
    public String kernel() {
        return kernels.describe();
    }

    /** The kernel, and on the scalar one the flag that gives the faster vector kernels (11x at H=64). */
    @Override
    public String backend() {
        if (!"scalar".equals(kernels.name())) {
            return "java kernel " + kernels.describe();
        }
        return "java kernel scalar" + (Kernels.vectorModulePresent()
                ? " (-D" + Kernels.PROPERTY + "=scalar, or fewer than 4 float lanes)"
                : " (start the JVM with --add-modules jdk.incubator.vector for the vector kernels)");
    }

    @Override
    public Trainer trainer(Mlp init, TrainConfig config) {
        return new JavaTrainer(init, config.batch(), kernels);
    }
}
