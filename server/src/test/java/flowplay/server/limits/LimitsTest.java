package flowplay.server.limits;

import flowplay.core.settings.SettingException;
import flowplay.core.settings.Settings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits table: every row has a typed value, caps stay within the train table's bounds, bad text names the row. */
class LimitsTest {
    @Test
    void everyRowHasAValueInTableOrder() {
        assertEquals(Settings.names(Limits.TABLE), new ArrayList<>(Limits.defaults().values().keySet()));
    }

    @Test
    void capsOnTrainSettingsCannotExceedTheTrainTable() {
        for (String[] pair : new String[][] {{"maxSteps", "steps"}, {"maxWidth", "width"}, {"maxDepth", "depth"}, {"maxBatch", "batch"}}) {
            assertEquals(Settings.find(Settings.TRAIN, pair[1]).max(), Settings.find(Limits.TABLE, pair[0]).max(), pair[0]);
        }
        SettingException e = assertThrows(SettingException.class, () -> Limits.parse(Map.of("maxWidth", "2048")));
        assertEquals("maxWidth", e.field());
        assertEquals("integer in [1, 1024]", e.allowed());
        assertThrows(SettingException.class, () -> Limits.parse(Map.of("maxPoints", "20001")));
        assertThrows(SettingException.class, () -> Limits.parse(Map.of("trustProxy", "yes")));
    }

    @Test
    void parsedValuesReachTheirRecords() {
        Limits l = Limits.parse(Map.of("workers", "3", "maxRunSeconds", "90", "maxWidth", "32", "maxUploadBytes", "4096",
                "trustProxy", "true", "subscribers", "7"));
        assertEquals(3, l.workers());
        assertEquals(90, l.run().maxRunTime().toSeconds());
        assertEquals(32, l.run().cap("width"));
        assertEquals(4096, l.run().maxUploadBytes());
        assertTrue(l.trustProxy());
        assertEquals(7, l.subscribers());
    }
}
