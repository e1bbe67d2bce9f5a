package flowplay.server.load;

import flowplay.core.settings.SettingException;
import flowplay.core.settings.Settings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load bench's parts that decide its verdict: flags, percentiles and the report's arithmetic. */
class LoadBenchTest {

    @Test
    void flagsComeFromTheTableAndBadOnesNameWhatIsAllowed() {
        assertEquals(50, Settings.parse(LoadBench.FLAGS, LoadBench.flags(new String[] {"--viewers", "50", "--api-rate", "5"})).getInt("viewers"));
        SettingException unknown = assertThrows(SettingException.class, () -> LoadBench.flags(new String[] {"--viewer", "5"}));
        assertTrue(unknown.getMessage().contains("--viewers (integer in [0, 2000], default 200)"), unknown.getMessage());
        SettingException range = assertThrows(SettingException.class,
                () -> Settings.parse(LoadBench.FLAGS, LoadBench.flags(new String[] {"--runs", "0"})));
        assertEquals("runs", range.field());
        assertThrows(SettingException.class, () -> LoadBench.flags(new String[] {"--window"}));
    }

    @Test
    void percentilesAreNearestRank() {
        Latencies l = new Latencies();
        assertEquals(-1, l.percentile(99));
        for (int i = 100; i >= 1; i--) {
            l.add(i);
        }
        assertEquals(50, l.percentile(50));
        assertEquals(99, l.percentile(99));
        assertEquals(100, l.percentile(100));
        assertEquals(1, l.percentile(0.5));
    }

    @Test
    void theReportComparesViewerPhasesWithTheOthersAgainstTheTarget() {
        PhaseResult quiet = new PhaseResult(false, 0, 1000, 1.9, 0.1, 0, -1, -1, -1, -1, 0, 10, 5, 9, 0, List.of());
        PhaseResult busy = new PhaseResult(false, 200, 850, 1.8, 0.2, 5000, 10, 40, 120, 300, 12.5, 10, 6, 20, 0, List.of());
        PhaseResult cold = new PhaseResult(true, 200, 500, 1.8, 0.2, 5000, 10, 40, 900, 1200, 12.5, 10, 6, 20, 0, List.of());
        String met = LoadReport.markdown(Settings.parse(LoadBench.FLAGS, java.util.Map.of()), List.of(cold, quiet, busy));
        assertTrue(met.contains("**0.85×**") && met.contains("target ≥ 0.80: met") && met.contains("**120 ms**")
                && met.contains("| warm-up | 200 | 500 |"), "the warm-up phase is shown but left out of the verdict: " + met);
        PhaseResult slow = new PhaseResult(false, 200, 700, 1.8, 0.2, 5000, 10, 40, 260, 300, 12.5, 10, 6, 20, 1, List.of("GET /health: HTTP 503"));
        String missed = LoadReport.markdown(Settings.parse(LoadBench.FLAGS, java.util.Map.of()), List.of(quiet, slow));
        assertTrue(missed.contains("**0.70×**") && missed.contains("target ≥ 0.80: missed") && missed.contains("target < 250 ms: missed")
                && missed.contains("errors **1** (target 0: missed)") && missed.contains("GET /health: HTTP 503"), missed);
    }
}
