package flowplay.server.limits;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Viewer counts per run and in all: admitted up to the caps, refused with a reason beyond, freed when one leaves. */
class SubscriberCountTest {
    @Test
    void capsPerRunAndInAllAndLeavingMakesRoom() {
        SubscriberCount count = new SubscriberCount(2, 3);
        assertNull(count.admit("a"));
        assertNull(count.admit("a"));
        assertTrue(count.admit("a").contains("this run (at most 2)"));
        assertNull(count.admit("b"));
        assertTrue(count.admit("c").contains("this server (at most 3)"));
        assertEquals(3, count.total());
        count.leave("a");
        assertEquals(1, count.of("a"));
        assertNull(count.admit("c"));
        count.leave("c");
        count.leave("c"); // leaving a run without viewers changes nothing
        assertEquals(0, count.of("c"));
        assertEquals(2, count.total());
    }
}
