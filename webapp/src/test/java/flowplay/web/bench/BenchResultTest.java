package flowplay.web.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchResultTest {
    @Test
    void speedIsSampleStepsOverTheMedianRun() {
        BenchWorkload w = new BenchWorkload(1000, 10, 3, 2, 1);
        BenchResult r = new BenchResult(new double[] {0.5, 0.1, 0.2}, new float[0], null);
        assertEquals(0.2, r.medianSeconds());
        assertEquals(1000 * 10 / 0.2, r.sampleStepsPerSecond(w), 1e-6);
        assertEquals(0.15, new BenchResult(new double[] {0.1, 0.2}, new float[0], "").medianSeconds(), 1e-12);
        assertArrayEquals(r.seconds, BenchResult.parseSeconds(r.secondsList()));
    }

    @Test
    void maxDiffIsTheLargestAbsoluteDifferenceAndNaNSpreads() {
        assertEquals(0.5, BenchResult.maxAbsDiff(new float[] {1f, 2f, 3f}, new float[] {1f, 2.5f, 2.75f}, 3));
        assertEquals(0.0, BenchResult.maxAbsDiff(new float[] {1f, 9f}, new float[] {1f, 0f}, 1));
        assertTrue(Double.isNaN(BenchResult.maxAbsDiff(new float[] {1f, Float.NaN}, new float[] {1f, 0f}, 2)));
    }

    @Test
    void theCpuSamplerRunsTheWorkloadDeterministically() {
        BenchWorkload w = new BenchWorkload(64, 4, 1, 1, 7);
        var field = BenchWorkload.field(w.mlp());
        float[][] out = new float[2][];
        for (int k = 0; k < 2; k++) {
            int slot = k;
            new CpuSampler().sample(BenchWorkload.field(w.mlp()), BenchWorkload.SOLVER, BenchWorkload.grid(field, w.steps),
                    w.noise(), w.points, x -> out[slot] = x, message -> {
                        throw new AssertionError(message);
                    });
        }
        assertArrayEquals(out[0], out[1]);
        assertEquals(128, out[0].length);
        assertTrue(BenchResult.maxAbsDiff(out[0], w.noise(), 128) > 0, "the points moved");
    }

    @Test
    void refusesAnEmptyWorkload() {
        assertThrows(IllegalArgumentException.class, () -> new BenchWorkload(0, 10, 1, 1, 1));
        assertEquals(20, BenchWorkload.defaultWarmup(100));
        assertEquals(2, BenchWorkload.defaultWarmup(5));
        assertEquals(1, BenchWorkload.defaultWarmup(1));
    }
}
