package flowplay.core.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeEmbeddingTest {
    @Test
    void idsRoundTripAndBadOnesNameBothForms() {
        assertEquals(TimeEmbedding.LINEAR, TimeEmbedding.parse("linear"));
        assertEquals(TimeEmbedding.fourier(7), TimeEmbedding.parse(TimeEmbedding.fourier(7).id()));
        assertEquals("fourier(7)", TimeEmbedding.fourier(7).id());
        for (String bad : new String[] {"fourier(0)", "fourier(65)", "fourier(x)", "fourier", "sinusoidal", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeEmbedding.parse(bad));
            assertEquals("time input '" + bad + "' is not supported: linear or fourier(k) with k in [1, 64]", e.getMessage());
        }
    }

    @Test
    void fourierFeaturesAreTAndItsHarmonics() {
        TimeEmbedding f = TimeEmbedding.fourier(3);
        assertEquals(7, f.size());
        float[] out = new float[9];
        f.write(0.3, out, 2);
        assertEquals(0.3f, out[2]);
        for (int j = 1; j <= 3; j++) {
            assertEquals(Math.sin(2 * Math.PI * j * 0.3), out[2 + 2 * j - 1], 1e-6);
            assertEquals(Math.cos(2 * Math.PI * j * 0.3), out[2 + 2 * j], 1e-6);
        }
    }

    @Test
    void networkInputRowsAreXThenConditionThenTime() {
        NetworkInput layout = new NetworkInput(2, 2, TimeEmbedding.fourier(1));
        assertEquals(7, layout.width());
        float[] out = new float[14];
        layout.fill(new float[] {1, 2, 3, 4}, new float[] {1, 0, 0, 1}, new float[] {0.25f, 0.5f}, 2, out);
        assertEquals(1f, out[0]);
        assertEquals(2f, out[1]);
        assertEquals(1f, out[2]);
        assertEquals(0f, out[3]);
        assertEquals(0.25f, out[4]);
        assertEquals(1.0, out[5], 1e-6); // sin(π/2)
        assertEquals(0.0, out[6], 1e-6);
        assertEquals(3f, out[7]);
        assertEquals(0.5f, out[11]);
        assertEquals(-1.0, out[13], 1e-6); // cos(π)
    }
}
