package flowplay.server.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up block's text, from given facts, and as train prints it. */
class StartupLogTest {
    @Test
    void javaBlockNamesEngineKernelAndThreads() {
        assertEquals(List.of(
                "flowplay serve: engine java (auto: no CUDA backend in this build)",
                "  backend  java kernel vector (16 float lanes, 512-bit)",
                "  threads  1 per run, 2 workers, 2 cores, OMP_NUM_THREADS=1"),
                StartupLog.lines("serve", "java", "auto: no CUDA backend in this build", "java kernel vector (16 float lanes, 512-bit)",
                        "1", 2, 2, "1"));
    }

    @Test
    void nd4jBlockNamesBackendDevicesAndNativeThreads() {
        List<String> lines = StartupLog.lines("train", "nd4j", "auto: ND4J on CUDA, 1 device",
                "ND4J JCublasBackend, BLAS CUBLAS, CUDA device 0 NVIDIA A10 (sm_86, 22.0 GiB)",
                "1 (ND4J op threads 1, master 1, BLAS 1)", 1, 8, null);
        assertEquals("  backend  ND4J JCublasBackend, BLAS CUBLAS, CUDA device 0 NVIDIA A10 (sm_86, 22.0 GiB)", lines.get(1));
        assertEquals("  threads  1 (ND4J op threads 1, master 1, BLAS 1) per run, 1 worker, 8 cores, OMP_NUM_THREADS=unset", lines.get(2));
    }

    @Test
    void trainPrintsTheBlockOnce() throws Exception {
        java.nio.file.Path out = java.nio.file.Files.createTempFile("startup", ".safetensors");
        try {
            MainTest.Result r = MainTest.cli("train", "--dataset", "moons", "--steps", "5", "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().startsWith("flowplay train: engine java (auto: no CUDA backend in this build)\n  backend  java kernel "),
                    r.err());
            assertTrue(r.err().contains("  threads  1 per run, 1 worker, "), r.err());
            assertEquals(1, r.err().split("engine java \\(", -1).length - 1, r.err());
        } finally {
            java.nio.file.Files.deleteIfExists(out);
        }
    }

    @Test
    void theLimitsLinesNameEveryLimitWithItsValue() {
        flowplay.server.limits.Limits limits = flowplay.server.limits.Limits.parse(java.util.Map.of("workers", "2", "maxWidth", "128"));
        assertEquals(List.of(
                "  limits   workers 2, queue 16, maxSteps 100000, maxRunSeconds 600, runsPerMinute 10, runBurst 5, trustProxy false"
                        + " (full queue or client over its rate: 429)",
                "           maxWidth 128, maxDepth 8, maxBatch 1024, maxPoints 20000, maxUploadBytes 1048576, subscribersPerRun 250,"
                        + " subscribers 1000, request body 4 MiB"),
                StartupLog.limits(limits, 4L << 20));
        for (String name : flowplay.core.settings.Settings.names(flowplay.server.limits.Limits.TABLE)) {
            assertTrue(String.join("\n", StartupLog.limits(limits, 4L << 20)).contains(name + " "), name);
        }
    }
}
