package flowplay.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The #stats attributes are parsed by tests and tools: plain decimals, never exponent notation. */
class FormatTest {

    @Test
    void fixedPadsRoundsAndKeepsTheSign() {
        assertEquals("0.500000", Format.fixed(0.5, 6));
        assertEquals("-0.050", Format.fixed(-0.05, 3));
        assertEquals("0.000", Format.fixed(-0.0001, 3));
        assertEquals("12", Format.fixed(11.6, 0));
        assertEquals("0.000001", Format.fixed(1e-6, 6));
        assertEquals("NaN", Format.fixed(Double.NaN, 2));
    }

    @Test
    void significantAndPlainAvoidExponents() {
        assertEquals("0.00123", Format.significant(0.0012345, 3));
        assertEquals("1.06", Format.significant(1.0551, 3));
        assertEquals("12346", Format.significant(12345.6, 3));
        assertEquals("0.000001", Format.plain(1e-6));
        assertEquals("2147483647", Format.plain(Integer.MAX_VALUE));
        assertEquals("0.01", Format.plain(0.01));
    }

    @Test
    void labelsSplitCamelCase() {
        assertEquals("sample steps", ControlPanel.label("sampleSteps"));
        assertEquals("checkpoint every", ControlPanel.label("checkpointEvery"));
    }
}
