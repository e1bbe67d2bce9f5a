package flowplay.web.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ViewHashTest {

    @Test
    void layerAndTimeRoundTrip() {
        String text = ViewHash.write(FieldLayer.ARROWS, 0.25);
        assertEquals("arrows:0.250", text);
        ViewHash v = ViewHash.parse(text);
        assertEquals(FieldLayer.ARROWS, v.layer);
        assertEquals(0.25, v.t, 1e-12);
        assertEquals(0.5, ViewHash.parse("path-model").t, "t defaults to the middle");
    }

    @Test
    void malformedEntriesAreIgnored() {
        assertNull(ViewHash.parse(null));
        assertNull(ViewHash.parse("spirals:0.2"));
        assertNull(ViewHash.parse("x1:abc"));
        assertNull(ViewHash.parse("x1:1.5"));
        assertNull(ViewHash.parse("x1:NaN"));
    }
}
