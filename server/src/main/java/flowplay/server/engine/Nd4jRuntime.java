package flowplay.server.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * Process-wide ND4J set-up, done once. One native thread per training job: on small nets ND4J's default pools
 * (two threads, two levels) were 2.5–3.5x slower on 2 cores, and the run manager already runs one job per core.
 * Measured on 1.0.0-M2.1: setMaxMasterThreads and the BLAS setter take effect, but setMaxThreads is ignored by the
 * native library, whose op pool is sized from OMP_NUM_THREADS (or SD_MAX_THREADS) when it loads. Only the process
 * environment can set that, so it is logged and warned about rather than silently assumed.
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
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        LOG.info("engine nd4j, backend {}, device {}, blas {}, threads {} (master {}, blas {}), OMP_NUM_THREADS={}",
                env.getOrDefault("backend", Nd4j.getBackend().getClass().getSimpleName()),
                "cpu",
                env.getOrDefault("blas.vendor", "?"),
                threads,
                Nd4j.getEnvironment().maxMasterThreads(),
                Nd4j.factory().blas().getMaxThreads(),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        ready = true;
    }
}
