package flowplay.core.rng;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RngTest {
    @Test
    void sameSeedSameStreamOtherSeedOtherStream() {
        Rng a = new Rng(42);
        Rng b = new Rng(42);
        Rng c = new Rng(43);
        for (int i = 0; i < 100; i++) {
            long x = a.nextLong();
            assertEquals(x, b.nextLong());
            assertNotEquals(x, c.nextLong());
        }
    }

    @Test
    void splitMix64ReferenceValue() {
        // First output of SplitMix64 seeded with 0, as published with the algorithm.
        assertEquals(0xE220A8397B1DCDAFL, new Rng(0).nextLong());
    }

    @Test
    void uniformAndGaussianMoments() {
        Rng rng = new Rng(7);
        int n = 200_000;
        double sumU = 0;
        double sumG = 0;
        double sumG2 = 0;
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            assertTrue(u >= 0 && u < 1);
            sumU += u;
            double g = rng.nextGaussian();
            sumG += g;
            sumG2 += g * g;
        }
        assertEquals(0.5, sumU / n, 0.005);
        assertEquals(0.0, sumG / n, 0.01);
        assertEquals(1.0, sumG2 / n, 0.015);
    }

    @Test
    void nextIntCoversTheRangeEvenly() {
        Rng rng = new Rng(3);
        int[] counts = new int[8];
        for (int i = 0; i < 80_000; i++) {
            counts[rng.nextInt(8)]++;
        }
        for (int c : counts) {
            assertEquals(10_000, c, 400);
        }
    }
}
