package flowplay.core.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DigitsTest {
    private static String line(int pixel, int label) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < Digits.PIXELS; j++) {
            b.append(j == 0 ? pixel : j % 17).append(',');
        }
        return b.append(label).toString();
    }

    @Test
    void pixelsAreScaledToMinusOneToOneAndBack() {
        Digits d = Digits.parse(line(0, 3) + "\r\n\n" + line(16, 9) + "\r" + line(8, 0) + "\n");
        assertEquals(3, d.size());
        assertEquals(3, d.label(0));
        assertEquals(9, d.label(1));
        assertEquals(-1f, d.image(0)[0]);
        assertEquals(1f, d.image(1)[0]);
        assertEquals(0f, d.image(2)[0]);
        for (int j = 0; j < Digits.PIXELS; j++) {
            assertEquals(j == 0 ? 0 : j % 17, Digits.level(d.image(0)[j]), "pixel " + j + " round trip");
        }
        assertEquals(0, Digits.level(-3f));
        assertEquals(16, Digits.level(2.5f));
    }

    @Test
    void badLinesAreRefusedNamingTheLineAndTheFault() {
        assertEquals("line 2: expected 65 values (64 pixels and a label), found 3",
                assertThrows(PointsFormatException.class, () -> Digits.parse(line(0, 1) + "\n1,2,3")).getMessage());
        assertEquals("line 1: pixel 1: 17 is outside [0, 16]", assertThrows(PointsFormatException.class, () -> Digits.parse(line(17, 1))).getMessage());
        assertEquals("line 1: the label: 10 is outside [0, 9]", assertThrows(PointsFormatException.class, () -> Digits.parse(line(1, 10))).getMessage());
        assertEquals("line 1: pixel 1: '-1' is not a whole number in [0, 16]",
                assertThrows(PointsFormatException.class, () -> Digits.parse(line(1, 1).replaceFirst("^1", "-1"))).getMessage());
        assertEquals("line 1: expected 65 values (64 pixels and a label), found more",
                assertThrows(PointsFormatException.class, () -> Digits.parse(line(1, 1) + ",4")).getMessage());
        assertEquals("no digits: the text is empty", assertThrows(PointsFormatException.class, () -> Digits.parse("\n \n")).getMessage());
    }
}
