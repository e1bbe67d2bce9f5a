package flowplay.server.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine decision on injected facts: no GPU and no CUDA jar needed, and it shows which facts (ND4J loads) were asked for. */
class EngineChoiceTest {
    private static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

    /** Facts that record each question, so that a test can tell whether ND4J would have been loaded. */
    private static final class Recorded implements EngineChoice.Facts {
        final List<String> asked = new ArrayList<>();
        private final boolean cudaJar;
        private final String backend;
        private final int devices;

        Recorded(boolean cudaJar, String backend, int devices) {
            this.cudaJar = cudaJar;
            this.backend = backend;
            this.devices = devices;
        }

        @Override
        public boolean cudaBackendOnClasspath() {
            asked.add("classpath");
            return cudaJar;
        }

        @Override
        public String nd4jBackend() {
            asked.add("nd4j");
            return backend;
        }

        @Override
        public int cudaDevices() {
            asked.add("devices");
            return devices;
        }
    }

    @Test
    void aCpuBuildTrainsOnJavaWithoutLoadingNd4j() {
        Recorded facts = new Recorded(false, CPU_BACKEND, 0);
        EngineChoice.Choice c = EngineChoice.choose("auto", facts);
        assertEquals("java", c.engine());
        assertTrue(c.reason().contains("no CUDA backend"), c.reason());
        assertEquals(List.of("classpath"), facts.asked);
    }

    @Test
    void aCudaBuildWithADeviceTrainsOnNd4j() {
        Recorded facts = new Recorded(true, EngineChoice.CUDA_BACKEND, 2);
        EngineChoice.Choice c = EngineChoice.choose("auto", facts);
        assertEquals("nd4j", c.engine());
        assertEquals("auto: ND4J on CUDA, 2 devices", c.reason());
    }

    @Test
    void aCudaBuildOnAMachineWithoutAGpuFallsBackToJava() {
        // ND4J itself falls back to its CPU backend when CUDA cannot run; on the CPU the java engine is faster.
        EngineChoice.Choice c = EngineChoice.choose("auto", new Recorded(true, CPU_BACKEND, 0));
        assertEquals("java", c.engine());
        assertTrue(c.reason().contains("CpuBackend"), c.reason());
        assertEquals("java", EngineChoice.choose("auto", new Recorded(true, EngineChoice.CUDA_BACKEND, 0)).engine());
        assertEquals("java", EngineChoice.choose("auto", new Recorded(true, "none (UnsatisfiedLinkError: no cudart)", 0)).engine());
    }

    @Test
    void anExplicitEngineIsKeptAndAsksNothing() {
        for (boolean cudaJar : new boolean[] {false, true}) {
            Recorded facts = new Recorded(cudaJar, EngineChoice.CUDA_BACKEND, 1);
            assertEquals("java", EngineChoice.choose("java", facts).engine());
            assertEquals("nd4j", EngineChoice.choose("nd4j", facts).engine());
            assertEquals("chosen with --engine", EngineChoice.choose("java", facts).reason());
            assertEquals(List.of(), facts.asked, "an explicit engine needs no facts, so --engine java never loads ND4J");
        }
    }

    @Test
    void unknownEnginesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EngineChoice.choose("cuda", new Recorded(false, "", 0)));
    }

    @Test
    void thisBuildHasNoCudaBackendSoAutoIsJava() {
        // The default build (no -Pcuda) must stay CPU-only: the test class path has no nd4j-cuda jar.
        assertFalse(EngineChoice.system().cudaBackendOnClasspath());
        assertEquals("java", Engines.select("auto").engine().name());
    }
}
