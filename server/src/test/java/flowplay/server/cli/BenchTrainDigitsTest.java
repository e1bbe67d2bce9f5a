package flowplay.server.cli;

import flowplay.core.data.Dataset;
import flowplay.core.settings.TrainConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench train --dataset digits: the digit model's step on both engines, java against nd4j. */
class BenchTrainDigitsTest {
    @Test
    void theDigitWorkloadIsTheReadmeModel() {
        Dataset data = BenchWorkload.DIGITS.data();
        TrainConfig config = BenchWorkload.DIGITS.config(256);
        // x (64), the one-hot label (10) and fourier(4) time features (9) in; the 64 pixels out.
        assertArrayEquals(new int[] {83, 256, 256, 256, 64}, config.layerSizes(data));
        assertEquals("classes(10)", config.condition(data).id());
        assertEquals(256, config.batch());
        assertArrayEquals(new int[] {3, 64, 64, 64, 2}, BenchWorkload.MOONS.config(64).layerSizes(BenchWorkload.MOONS.data()));
    }

    @Test
    void benchTrainOnDigitsRunsBrieflyAndComparesTheEngines() {
        MainTest.Result r = MainTest.cli("bench", "train", "--dataset", "digits", "--hidden", "8", "--warmup", "0", "--seconds", "0.05",
                "--reps", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("bench train: digits (64-D, class-conditional"), r.out());
        assertTrue(r.out().contains("pytorch: not measured"), r.out());
        assertTrue(r.out().contains("H=8    java") && r.out().contains("H=8    nd4j"), r.out());
        assertTrue(r.out().matches("(?s).*summary: H=8: java \\(pytorch not measured\\), [0-9.]+x nd4j, 2 concurrent.*"), r.out());
        MainTest.Result bad = CheckpointCommandsTest.bad("--dataset", "bench", "train", "--dataset", "faces");
        assertTrue(bad.err().contains("moons, digits"), bad.err());
    }
}
