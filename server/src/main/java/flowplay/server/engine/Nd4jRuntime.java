package flowplay.server.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Process-wide ND4J set-up, done once. One native thread per training job: on small nets ND4J's default pools
 * (two threads, two levels) were 2.5–3.5x slower on 2 cores, and the run manager already runs one job per core.
 * Measured on 1.0.0-M2.1: setMaxMasterThreads and the BLAS setter take effect, but setMaxThreads is ignored by the
 * native library, whose op pool is sized from OMP_NUM_THREADS (or SD_MAX_THREADS) when it loads. Only the process
 * environment can set that, so it is warned about rather than silently assumed. What ND4J runs on (backend, BLAS,
 * devices) is described by {@link #describe()} for the start-up log, not logged here, so it is said once.
 * Every method here loads ND4J: callers that must not (the java engine) never reach this class.
 */
final class Nd4jRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);
    private static boolean ready;

    private Nd4jRuntime() {
    }

    static synchronized void ensureReady() {
        if (ready) {
            return;
        }
        Nd4j.factory().blas().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        int threads = Nd4j.getEnvironment().maxThreads();
        if (threads > 1) {
            LOG.warn("ND4J op threads are {}: start the JVM with OMP_NUM_THREADS=1 for faster small-net training", threads);
        }
        ready = true;
    }

    /** The class name of the backend ND4J picked: its CUDA backend when a device and the CUDA libraries are there. */
    static String backendClass() {
        ensureReady();
        return Nd4j.getBackend().getClass().getName();
    }

    /** CUDA devices ND4J can use; 0 on the CPU backend (whose affinity manager reports one pseudo-device). */
    static int cudaDevices() {
        if (!EngineChoice.CUDA_BACKEND.equals(backendClass())) {
            return 0;
        }
        return Nd4j.getAffinityManager().getNumberOfDevices();
    }

    /** Backend, BLAS and devices, e.g. "ND4J CpuBackend, BLAS OPENBLAS, device cpu". */
    static String describe() {
        ensureReady();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        return "ND4J " + backend + ", BLAS " + env.getOrDefault("blas.vendor", "?") + ", " + devices(env);
    }

    /** "ND4J op threads 1, master 1, BLAS 1": the native pools one run's ops use. */
    static String threads() {
        ensureReady();
        return "ND4J op threads " + Nd4j.getEnvironment().maxThreads() + ", master " + Nd4j.getEnvironment().maxMasterThreads()
                + ", BLAS " + Nd4j.factory().blas().getMaxThreads();
    }

    /** "device cpu", or the CUDA devices with their compute capability and memory (keys of the CUDA executioner). */
    private static String devices(Properties env) {
        Object info = env.get("cuda.devicesInformation");
        if (!(info instanceof List<?>)) {
            return "device cpu";
        }
        List<String> devices = new ArrayList<>();
        int i = 0;
        for (Object o : (List<?>) info) {
            if (o instanceof Map<?, ?>) {
                Map<?, ?> d = (Map<?, ?>) o;
                Object memory = d.get("cuda.totalMemory");
                devices.add(String.format(Locale.ROOT, "%d %s (sm_%s%s, %s)", i, d.get("cuda.deviceName"), d.get("cuda.deviceMajor"),
                        d.get("cuda.deviceMinor"), memory instanceof Number ? gib(((Number) memory).longValue()) : "? GiB"));
            }
            i++;
        }
        return "CUDA device" + (devices.size() == 1 ? " " : "s ") + String.join("; ", devices);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
