package flowplay.server.engine;

import flowplay.core.model.Activation;

/**
 * The numeric kernels of {@link JavaTrainer}, on flat row-major float arrays. Two implementations: {@link ScalarKernels}
 * (plain Java, always available) and {@code VectorKernels} (the incubating {@code jdk.incubator.vector} API). The
 * vector class is only ever loaded by name, after checking that the module is in the boot layer, so a JVM started
 * without {@code --add-modules jdk.incubator.vector} never touches it and runs the scalar kernels.
 */
abstract class Kernels {
    /** Set to {@code scalar} to force the scalar kernels (benchmarks, tests). */
    static final String PROPERTY = "flowplay.kernel";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static volatile Kernels selected;

    /** "vector" or "scalar". */
    abstract String name();

    /** Float lanes per vector (1 for scalar). */
    abstract int lanes();

    /**
     * C = A·B (+ bias broadcast over rows when {@code bias} is not null). C is m×p row-major at {@code c[cOff]}; B is q×p
     * row-major at {@code b[bOff]}; A's element (r, k) is {@code a[aOff + r·ars + k·acs]}, so A may be a transposed view.
     */
    abstract void matmul(int m, int q, int p, float[] a, int aOff, int ars, int acs, float[] b, int bOff,
                         float[] bias, int biasOff, float[] c, int cOff);

    /** out[i] = f(z[i]) for i &lt; len. */
    abstract void activate(Activation f, float[] z, float[] out, int len);

    /** delta[i] *= f'(z[i]), given a[i] = f(z[i]). */
    abstract void backActivate(Activation f, float[] z, float[] a, float[] delta, int len);

    /**
     * torch.optim.Adam (1.13, no weight decay) in float: m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²;
     * p −= stepSize · m / (√v / sqrtBc2 + eps).
     */
    abstract void adam(float[] p, float[] g, float[] m, float[] v, int len, float beta1, float beta2, float stepSize,
                       float sqrtBc2, float eps);

    /** out[j] = Σ_r x[r·cols + j], the bias gradient. */
    void columnSums(float[] x, int rows, int cols, float[] out, int outOff) {
        for (int j = 0; j < cols; j++) {
            out[outOff + j] = 0f;
        }
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                out[outOff + j] += x[o + j];
            }
        }
    }

    /** Human-readable description for start-up logs. */
    String describe() {
        return lanes() > 1 ? name() + " (" + lanes() + " float lanes, " + lanes() * 32 + "-bit)" : name();
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The best kernels this JVM offers: vector when the module is present (and not overridden), else scalar. */
    static Kernels best() {
        Kernels k = selected;
        if (k == null) {
            synchronized (Kernels.class) {
                if (selected == null) {
                    selected = choose();
                }
                k = selected;
            }
        }
        return k;
    }

    private static Kernels choose() {
        if ("scalar".equalsIgnoreCase(System.getProperty(PROPERTY, "")) || !vectorModulePresent()) {
            return new ScalarKernels();
        }
        Kernels vector = vectorOrNull();
        // Fewer than 4 float lanes means no useful SIMD on this CPU: the Vector API would only add overhead.
        return vector != null && vector.lanes() >= 4 ? vector : new ScalarKernels();
    }

    /** The vector kernels, or null when the module is absent or the class cannot be loaded. */
    static Kernels vectorOrNull() {
        if (!vectorModulePresent()) {
            return null;
        }
        try {
            return (Kernels) Class.forName("flowplay.server.engine.VectorKernels").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Prints the kernel this JVM selects: used by a test that starts a JVM without the module. */
    public static void main(String[] args) {
        System.out.println(best().describe());
    }
}
