package flowplay.web.points;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashPointsTest {
    @Test
    void roundTripsPointsRoundedToTheQuantum() {
        float[] xy = {0, 0, 1.5f, -2.25f, 2.999f, -0.004f, -327.68f, 327.67f};
        String code = HashPoints.encode(xy, 4);
        assertEquals(1 + 4 * 2 * 3, code.length());
        assertTrue(code.matches("[A-Za-z0-9_-]+"), "URL-safe without escaping: " + code);
        float[] back = HashPoints.decode(code);
        assertEquals(8, back.length);
        for (int i = 0; i < xy.length; i++) {
            assertEquals(xy[i], back[i], HashPoints.QUANTUM / 2 + 1e-6, "value " + i);
            assertEquals(HashPoints.round(xy[i]), back[i], 1e-6, "drawn points are rounded as the link keeps them");
        }
        assertArrayEquals(back, HashPoints.decode(HashPoints.encode(back, 4)), "a decoded set encodes to itself");
        assertArrayEquals(new float[0], HashPoints.decode(HashPoints.encode(xy, 0)));
    }

    @Test
    void largeOrFarSetsStayOutOfTheLink() {
        assertNull(HashPoints.encode(new float[2 * 501], 501));
        assertEquals(1 + 500 * 6, HashPoints.encode(new float[2 * 501], 500).length(), "only the first n points count");
        assertNull(HashPoints.encode(new float[] {0, 400}, 1));
        assertNull(HashPoints.encode(new float[] {-328, 0}, 1));
    }

    @Test
    void damagedValuesAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> HashPoints.decode("2AAAAAA"));
        assertThrows(IllegalArgumentException.class, () -> HashPoints.decode("1AAAAA"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HashPoints.decode("1AAA*AA"));
        assertTrue(e.getMessage().contains("'*' at character 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HashPoints.decode("1" + "A".repeat(6 * 501)));
        assertThrows(IllegalArgumentException.class, () -> HashPoints.decode("1_AAAAA"), "above 16 bits");
    }

    @Test
    void thePointSetHoldsAtMostTheServersLimit() {
        PointSet set = new PointSet();
        assertNull(set.last());
        for (int i = 0; i < 20_000; i++) {
            assertTrue(set.add(i % 5, 1));
        }
        assertEquals(false, set.add(0, 0));
        assertEquals(20_000, set.count());
        set.replace(new float[] {1, 2, 3, 4});
        assertEquals("1.0,2.0\n3.0,4.0\n", set.csv());
        assertArrayEquals(new float[] {3, 4}, set.last());
        set.clear();
        assertEquals("", set.csv());
    }
}
