package flowplay.core.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PointsParserTest {
    private static final int MAX_POINTS = 20_000;
    private static final int MAX_BYTES = 1 << 20;

    private static float[] parse(String text) {
        return PointsParser.parse(text, MAX_POINTS, MAX_BYTES);
    }

    private static void assertRefused(String text, String message) {
        PointsFormatException e = assertThrows(PointsFormatException.class, () -> parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void readsPlainPoints() {
        assertArrayEquals(new float[] {1, 2, -3.5f, 0.25f, 1e-3f, -2e2f}, parse("1,2\n-3.5,.25\n1e-3,-2E+2"));
    }

    @Test
    void acceptsHeaderCrlfTrailingNewlineSpacesAndBlankLines() {
        float[] expected = {0.5f, -1, 2, 3};
        assertArrayEquals(expected, parse("x,y\r\n0.5,-1\r\n2,3\r\n"));
        assertArrayEquals(expected, parse("\"x\", \"y\"\n 0.5 ,\t-1 \n+2, 3.0\n\n"));
        assertArrayEquals(expected, parse("\uFEFF0.5,-1\r2,3"));
        assertArrayEquals(expected, parse("\n\n  \nx,y\n0.5,-1\n\n2,3\n"));
    }

    @Test
    void namesTheLineOfABadNumber() {
        assertRefused("1,2\n3,4\nabc,5\n", "line 3: 'abc' is not a number");
        assertRefused("1,2\n3,4x\n", "line 2: '4x' is not a number");
        assertRefused("1,2\n0x10,4\n", "line 2: '0x10' is not a number");
        assertRefused("1,2\n1d,4\n", "line 2: '1d' is not a number");
        assertRefused("1,2\n1e,4\n", "line 2: '1e' is not a number");
        assertRefused("1,2\n3,\n", "line 2: value 2 is empty");
        assertRefused("1,2\n3,4\nx,y\n", "line 3: 'x' is not a number (a header is allowed only as the first line)");
        assertRefused("1,2\n3,abcdefghijklmnopqrstuvwxyz\n", "line 2: 'abcdefghijklmnopqrstuvwx…' is not a number");
    }

    @Test
    void namesTheLineOfAWrongColumnCount() {
        assertRefused("1,2\n3,4\n5,6,7\n", "line 3: expected 2 values, found 3");
        assertRefused("1,2\n3\n", "line 2: expected 2 values, found 1");
        assertRefused("x,y,z\n1,2\n3,4\n", "line 1: expected 2 values, found 3");
        assertRefused("1;2\n3;4\n", "line 1: expected 2 values, found 1");
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertRefused("1,2\nNaN,4\n", "line 2: 'NaN' is not a finite number");
        assertRefused("1,2\n3,Infinity\n", "line 2: 'Infinity' is not a finite number");
        assertRefused("1,2\n3,-inf\n", "line 2: '-inf' is not a finite number");
        assertRefused("1,2\n3,1e999\n", "line 2: '1e999' is not a finite number");
        assertRefused("1,2\n3,1e39\n", "line 2: '1e39' is too large (a float holds at most 3.4e38)");
        // A first line of NaNs is not mistaken for a header.
        assertRefused("NaN,NaN\n1,2\n3,4\n", "line 1: 'NaN' is not a finite number");
    }

    @Test
    void refusesEmptyHeaderOnlyAndTooFewPoints() {
        assertRefused("", "no points: the text is empty");
        assertRefused(" \r\n\n", "no points: the text is empty");
        assertRefused("x,y\n", "too few points: 0 < 2 (only a header line)");
        assertRefused("x,y\n1,2\n", "too few points: 1 < 2");
    }

    @Test
    void refusesTooManyPointsWithTheCount() {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 20_001; i++) {
            csv.append(i).append(",0\n");
        }
        assertRefused(csv.toString(), "too many points: 20001 > 20000");
        float[] ok = PointsParser.parse(csv.toString(), 20_001, MAX_BYTES);
        assertEquals(2 * 20_001, ok.length);
        assertEquals(20_000f, ok[2 * 20_000]);
        PointsFormatException e = assertThrows(PointsFormatException.class, () -> PointsParser.parse("1,2\n3,4\n5,6\n", 2, 100));
        assertEquals("too many points: 3 > 2", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void refusesTooManyBytesCountedInUtf8() {
        assertRefused("1,2\n3,4\n".repeat(200_000), "too many bytes: 1600000 > 1048576");
        PointsFormatException e = assertThrows(PointsFormatException.class,
                () -> PointsParser.parse("x\u00e9,y\n1,2\n3,4\n", 10, 13));
        assertEquals("too many bytes: 14 > 13", e.getMessage()); // é is 2 bytes
        assertArrayEquals(new float[] {1, 2, 3, 4}, PointsParser.parse("x\u00e9,y\n1,2\n3,4", 10, 13));
    }

    @Test
    void exceptionCarriesTheLine() {
        PointsFormatException e = assertThrows(PointsFormatException.class, () -> parse("1,2\n\n3,?\n"));
        assertEquals(3, e.line());
    }
}
