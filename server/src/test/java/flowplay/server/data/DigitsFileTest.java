package flowplay.server.data;

import flowplay.core.data.Digits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped digits: the documented file, all 1797 images, every class, pixels in [−1, 1] on the 17 levels. */
class DigitsFileTest {

    @Test
    void theShippedFileIsTheDocumentedOne() {
        Digits d = DigitsFile.shipped();
        assertEquals(1797, d.size());
        int[] perClass = new int[Digits.CLASSES];
        boolean[] levelSeen = new boolean[Digits.LEVELS + 1];
        for (int i = 0; i < d.size(); i++) {
            perClass[d.label(i)]++;
            for (float p : d.image(i)) {
                assertTrue(p >= -1f && p <= 1f, "pixel " + p);
                assertEquals(p, Digits.level(p) / 8f - 1f, "a pixel is one of the 17 levels");
                levelSeen[Digits.level(p)] = true;
            }
        }
        // The class counts of the UCI test set (sklearn's digits.rst: about 180 each).
        assertEquals(java.util.List.of(178, 182, 177, 183, 181, 182, 181, 179, 174, 180), java.util.Arrays.stream(perClass).boxed().toList());
        for (int level = 0; level <= Digits.LEVELS; level++) {
            assertTrue(levelSeen[level], "grey level " + level + " occurs");
        }
        assertEquals(0, d.label(0), "the first image is a 0");
    }

    @Test
    void aChangedOrMissingFileStopsWithTheFileNamed() throws IOException {
        byte[] real;
        try (InputStream in = DigitsFile.class.getResourceAsStream(DigitsFile.PATH)) {
            real = in.readAllBytes();
        }
        real[real.length - 1] ^= 1;
        String changed = assertThrows(IllegalStateException.class, () -> DigitsFile.load(new ByteArrayInputStream(real))).getMessage();
        assertTrue(changed.contains(DigitsFile.PATH) && changed.contains("not the documented"), changed);
        String missing = assertThrows(IllegalStateException.class, () -> DigitsFile.load(null)).getMessage();
        assertTrue(missing.contains("is not in the jar"), missing);
    }
}
