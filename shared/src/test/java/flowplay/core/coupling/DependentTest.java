package flowplay.core.coupling;

import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static flowplay.core.coupling.MinibatchOtTest.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependentTest {
    @Test
    void keepsDataWhereTheMaskIsOneAndNoiseElsewhere() {
        int n = 500;
        int dim = 4;
        Rng rng = new Rng(1);
        float[] noise = gaussian(rng, n * dim, 0);
        float[] x1 = gaussian(rng, n * dim, 5);
        float[] x0 = noise.clone();
        Dependent coupling = new Dependent(new CoordinateMask(0.3));
        assertEquals(dim, coupling.conditionDim(dim));
        float[] mask = coupling.pair(x0, x1, n, dim, new Rng(42));
        assertEquals(n * dim, mask.length);
        int kept = 0;
        for (int k = 0; k < n * dim; k++) {
            assertTrue(mask[k] == 0f || mask[k] == 1f);
            if (mask[k] == 1f) {
                kept++;
                assertEquals(x1[k], x0[k], 0f);
            } else {
                assertEquals(noise[k], x0[k], 0f);
            }
        }
        assertEquals(0.3, kept / (double) (n * dim), 0.03);

        float[] again = noise.clone();
        assertArrayEquals(mask, coupling.pair(again, x1, n, dim, new Rng(42)), 0f);
        assertArrayEquals(x0, again, 0f);
    }

    @Test
    void imageMasksCoverAllChannelsAndAreBoxesHalvesOrScatteredPixels() {
        int width = 8;
        int height = 6;
        int channels = 3;
        int dim = width * height * channels;
        int n = 600;
        float[] mask = new float[n * dim];
        new ImageMask(width, height, channels, 0.25).sample(new Rng(2), n, dim, mask);
        int rectangles = 0;
        int scatteredHidden = 0;
        for (int p = 0; p < n; p++) {
            int hidden = 0;
            int top = height;
            int bottom = -1;
            int left = width;
            int right = -1;
            for (int pixel = 0; pixel < width * height; pixel++) {
                float m = mask[p * dim + pixel * channels];
                assertTrue(m == 0f || m == 1f);
                for (int c = 1; c < channels; c++) {
                    assertEquals(m, mask[p * dim + pixel * channels + c], 0f);
                }
                if (m == 0f) {
                    hidden++;
                    top = Math.min(top, pixel / width);
                    bottom = Math.max(bottom, pixel / width);
                    left = Math.min(left, pixel % width);
                    right = Math.max(right, pixel % width);
                }
            }
            boolean box = hidden > 0 && hidden == (bottom - top + 1) * (right - left + 1) && hidden <= width * height / 2;
            if (box) {
                rectangles++;
            } else {
                scatteredHidden += hidden;
            }
        }
        // Two shapes in three are boxes or halves; a scattered mask is (almost never) a box by chance.
        assertEquals(2.0 / 3, rectangles / (double) n, 0.06);
        // Scattered pixels are kept with probability 0.25: three quarters hidden.
        assertEquals(0.75, scatteredHidden / (double) ((n - rectangles) * width * height), 0.03);
    }

    @Test
    void couplingsByName() {
        assertEquals(java.util.List.of("independent", "minibatch-ot", "sinkhorn", "dependent"), Couplings.names());
        for (String name : Couplings.names()) {
            assertEquals(name, Couplings.byName(name).name());
        }
        Sinkhorn s = assertInstanceOf(Sinkhorn.class, Couplings.byName("sinkhorn", Map.of("epsilon", "0.2")));
        assertEquals(0.2, s.epsilon());
        Dependent d = assertInstanceOf(Dependent.class,
                Couplings.byName("dependent", Map.of("mask", "image", "width", "4", "height", "4")));
        assertEquals("image", d.masks().name());
        assertThrows(IllegalArgumentException.class, () -> Couplings.byName("ot"));
        assertThrows(IllegalArgumentException.class, () -> Couplings.byName("sinkhorn", Map.of("eps", "0.1")));
        assertThrows(IllegalArgumentException.class, () -> Couplings.byName("sinkhorn", Map.of("epsilon", "-1")));
        assertThrows(IllegalArgumentException.class, () -> Couplings.byName("dependent", Map.of("mask", "image")));
    }
}
