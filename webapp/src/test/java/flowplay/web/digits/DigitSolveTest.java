package flowplay.web.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.Digits;
import flowplay.core.sampling.Guidance;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The digits panel's solves on the bundled models, on the JVM: the code the page runs, compiled by javac instead of TeaVM. */
class DigitSolveTest {
    private static final SampleConfig HEUN_8 = SampleConfig.from(Settings.parse(Settings.SAMPLE, Map.of("solver", "heun", "sampleSteps", "8")));

    private static DigitSolve bundled(String name) throws IOException {
        try (InputStream in = DigitSolveTest.class.getResourceAsStream("/web/pretrained/" + name + ".safetensors")) {
            return new DigitSolve(Checkpoint.fromBytes(in.readAllBytes()));
        }
    }

    @Test
    void inpaintingKeepsTheKnownPixelsExactlyAndDrawsTheHiddenOnesPerNoise() throws IOException {
        DigitSolve solve = bundled("digits-inpaint");
        assertEquals("mask", solve.condition().id());
        float[] truth = new float[Digits.PIXELS];
        for (int k = 0; k < truth.length; k++) {
            truth[k] = ((k * 7) % 17) / 8f - 1f; // grey levels 0..16, scaled as the data set's
        }
        boolean[] hide = MaskPresets.hide("bottom");
        float[] observed = new float[Digits.PIXELS];
        for (int k = 0; k < observed.length; k++) {
            observed[k] = hide[k] ? 0 : 1;
        }
        float[] x = solve.inpaint(HEUN_8, truth, observed, 3, 1);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < Digits.PIXELS; k++) {
                float v = x[i * Digits.PIXELS + k];
                assertTrue(Float.isFinite(v), "draw " + i + " pixel " + k);
                if (!hide[k]) {
                    assertEquals(Float.floatToIntBits(truth[k]), Float.floatToIntBits(v), "draw " + i + ", known pixel " + k);
                }
            }
        }
        assertFalse(Arrays.equals(Arrays.copyOfRange(x, 32, 64), Arrays.copyOfRange(x, 64 + 32, 128)),
                "two noise draws fill the hidden half differently");
    }

    @Test
    void aGridSplitByRowsGivesTheSameDigitsBitForBit() throws IOException {
        // What the page relies on to solve the grid on workers, one row of 8 digits per task.
        DigitSolve solve = bundled("digits-class");
        int[] labels = new Guidance(Guidance.ALL, 1).labels(solve.condition(), 16);
        float[] noise = DigitSolve.noise(1, 16);
        float[] whole = noise.clone();
        solve.sample(HEUN_8, whole, 16, 8, labels, 1, null);
        float[] lower = Arrays.copyOfRange(noise, 8 * Digits.PIXELS, 16 * Digits.PIXELS);
        solve.sample(HEUN_8, lower, 8, 8, Arrays.copyOfRange(labels, 8, 16), 1, null);
        assertArrayEquals(Arrays.copyOfRange(whole, 8 * Digits.PIXELS, 16 * Digits.PIXELS), lower);
        assertFalse(Arrays.equals(noise, whole), "the solve moved the digits");
    }

    @Test
    void presetsHideWhatTheySay() {
        assertEquals(32, count(MaskPresets.hide("bottom")));
        assertTrue(MaskPresets.hide("bottom")[63] && !MaskPresets.hide("bottom")[0]);
        assertTrue(MaskPresets.hide("left")[8] && !MaskPresets.hide("left")[7]);
        assertEquals(16, count(MaskPresets.hide("centre")));
        assertEquals(0, count(MaskPresets.hide("clear")));
        assertThrows(IllegalArgumentException.class, () -> MaskPresets.hide("diagonal"));
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }
}
