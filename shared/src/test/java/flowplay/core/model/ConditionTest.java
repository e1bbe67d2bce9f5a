package flowplay.core.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionTest {
    @Test
    void idsRoundTripAndWidthsCountMaskThenOneHot() {
        Condition[] all = {Condition.NONE, Condition.MASK, Condition.classes(10), new Condition(true, 3)};
        String[] ids = {"none", "mask", "classes(10)", "mask+classes(3)"};
        int[] widths = {0, 64, 10, 67};
        for (int i = 0; i < all.length; i++) {
            assertEquals(ids[i], all[i].id());
            assertEquals(all[i], Condition.parse(ids[i]));
            assertEquals(widths[i], all[i].width(64));
        }
    }

    @Test
    void unsupportedIdsNameTheAcceptedForms() {
        for (String bad : new String[] {"label", "classes(0)", "classes(x)", "mask+", "mask+mask", "classes(1001)", "", "classes(3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Condition.parse(bad), bad);
            assertTrue(e.getMessage().contains("none, mask, classes(k) or mask+classes(k)"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Condition.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new Condition(false, -1));
    }

    @Test
    void rowsAreTheMaskThenTheOneHotAndNoLabelIsAllZero() {
        Condition c = new Condition(true, 3);
        float[] mask = {1, 0, 0, 1};
        float[] out = new float[2 * 5];
        java.util.Arrays.fill(out, 7f); // stale values must be overwritten
        c.fill(mask, new int[] {2, Condition.NO_LABEL}, 2, 2, out);
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, /* */ 0, 1, 0, 0, 0}, out, 0f);
        c.fill(null, null, 2, 2, out);
        assertArrayEquals(new float[10], out, 0f, "no mask: nothing observed; no labels: ∅");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.fill(mask, new int[] {0, 3}, 2, 2, out));
        assertTrue(e.getMessage().contains("label 3 of point 1 is not in [0, 2]"), e.getMessage());
    }
}
