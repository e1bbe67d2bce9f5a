package flowplay.server.engine;

import java.util.List;

/**
 * Which engine trains when the user did not name one ({@code --engine auto}, the default): the one place this is
 * decided. The java engine is faster than ND4J on the CPU for these small nets (docs/benchmarks.md), so ND4J is only
 * worth it on a GPU: {@code nd4j} when this is a {@code -Pcuda} build and ND4J runs on its CUDA backend with at least
 * one device, {@code java} otherwise. The facts are asked for lazily and in order of cost, because asking ND4J loads
 * its native libraries (seconds, hundreds of MB): a CPU-only build, or an explicit {@code --engine java}, never loads
 * ND4J at all.
 */
public final class EngineChoice {
    public static final String AUTO = "auto";
    /** {@code --engine} values: auto, then the engines. */
    public static final List<String> VALUES = List.of(AUTO, "java", "nd4j");
    /** ND4J's CUDA backend, present only in a {@code -Pcuda} build (nd4j-cuda-11.6). */
    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

    private EngineChoice() {
    }

    /** What the choice depends on; each method may be costly and is called at most once, only when needed. */
    public interface Facts {
        /** Whether ND4J's CUDA backend class is on the class path (without loading or initialising it). */
        boolean cudaBackendOnClasspath();

        /** Loads ND4J: the class name of the backend it selected (its CPU backend when CUDA cannot run). */
        String nd4jBackend();

        /** CUDA devices ND4J's backend sees (only asked when that backend is CUDA). */
        int cudaDevices();
    }

    /** The engine to build, and why, for the start-up log. */
    public record Choice(String engine, String reason) {
    }

    /** The choice for {@code --engine requested} (one of {@link #VALUES}). */
    public static Choice choose(String requested, Facts facts) {
        if (!AUTO.equals(requested)) {
            if (!VALUES.contains(requested)) {
                throw new IllegalArgumentException("unknown engine '" + requested + "'; one of " + String.join(", ", VALUES));
            }
            return new Choice(requested, "chosen with --engine");
        }
        if (!facts.cudaBackendOnClasspath()) {
            return new Choice("java", "auto: no CUDA backend in this build");
        }
        String backend = facts.nd4jBackend();
        if (!CUDA_BACKEND.equals(backend)) {
            return new Choice("java", "auto: CUDA backend present, but ND4J runs on " + simpleName(backend) + " (no usable CUDA device)");
        }
        int devices = facts.cudaDevices();
        if (devices < 1) {
            return new Choice("java", "auto: ND4J's CUDA backend sees no device");
        }
        return new Choice("nd4j", "auto: ND4J on CUDA, " + devices + (devices == 1 ? " device" : " devices"));
    }

    /** The facts of this JVM. The class check uses the class loader only (no static initialiser runs). */
    public static Facts system() {
        return new Facts() {
            @Override
            public boolean cudaBackendOnClasspath() {
                try {
                    Class.forName(CUDA_BACKEND, false, EngineChoice.class.getClassLoader());
                    return true;
                } catch (ClassNotFoundException | LinkageError e) {
                    return false;
                }
            }

            @Override
            public String nd4jBackend() {
                try {
                    return Nd4jRuntime.backendClass();
                } catch (RuntimeException | LinkageError e) {
                    // No backend could load at all: then ND4J is no option, and the java engine still is.
                    return "none (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
                }
            }

            @Override
            public int cudaDevices() {
                try {
                    return Nd4jRuntime.cudaDevices();
                } catch (RuntimeException | LinkageError e) {
                    return 0;
                }
            }
        };
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 || className.startsWith("none") ? className : className.substring(dot + 1);
    }
}
