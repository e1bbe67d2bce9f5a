package flowplay.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** bench quality end to end on a tiny budget; skipped where /usr/bin/python3 has no torch (it is a bench, not a gate). */
class BenchQualityTest {
    private static final Path SCRIPT = Path.of("../bench/train_pytorch.py");

    @Test
    void trainsSamplesAndEvaluatesBothSides(@TempDir Path dir) throws Exception {
        assumeTrue(BenchCommand.checkPython("/usr/bin/python3", SCRIPT) == null, "PyTorch not available");
        MainTest.Result r = MainTest.cli("bench", "quality", "--seeds", "3", "--steps", "30", "--n", "64", "--sample-steps", "4",
                "--script", SCRIPT.toString(), "--dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("seed   java ED    torch ED"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("3      0.")), r.out());
        assertTrue(r.out().contains("summary: java mean ED"), r.out());
        // The PyTorch checkpoint went through Flowplay's reader (sample), and the files stay for a rerun by hand.
        for (String f : new String[] {"java-3.safetensors", "pytorch-3.safetensors", "pytorch-3.csv", "ref-3.csv"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
    }

    @Test
    void seedListsTakeRanges() {
        assertArrayEquals(new long[] {0, 1, 2, 7}, BenchQuality.seeds("0-2, 7"));
    }

    @Test
    void verdictWeighsTheDifferenceAgainstItsStandardError() {
        // columns: seed, engine ED, torch ED, engine SW2, torch SW2, floor
        List<double[]> close = List.of(new double[] {0, 0.010, 0.006, 0, 0, 0}, new double[] {1, 0.006, 0.010, 0, 0, 0},
                new double[] {2, 0.012, 0.008, 0, 0, 0});
        List<String> lines = BenchQuality.summary("java", close);
        assertTrue(lines.get(0).startsWith("mean   0.00933    0.00800    1.17"), lines.get(0));
        assertTrue(lines.get(2).contains("standard errors: within noise") && lines.get(2).contains("java better on 1 of 3 seeds"), lines.get(2));
        List<double[]> far = List.of(new double[] {0, 0.020, 0.005, 0, 0, 0}, new double[] {1, 0.021, 0.006, 0, 0, 0});
        assertTrue(BenchQuality.summary("java", far).get(2).contains("WORSE than pytorch"));
        List<double[]> better = List.of(new double[] {0, 0.004, 0.005, 0, 0, 0});
        assertTrue(BenchQuality.summary("java", better).get(2).contains("no worse than pytorch"));
    }

    @Test
    void refusesAnUnknownEngine() {
        MainTest.Result r = MainTest.cli("bench", "quality", "--engine", "cuda");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--engine"), r.err());
    }
}
