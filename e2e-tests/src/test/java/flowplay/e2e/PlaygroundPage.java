package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;

/** The playground page as the e2e tests see it: only the ids and attributes of the page contract. */
public final class PlaygroundPage {

    public static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration TRAIN_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DRAW_TIMEOUT = Duration.ofSeconds(60);

    private final Browser browser;

    public PlaygroundPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens {@code url} and waits until the generated controls and the Train button exist. */
    public PlaygroundPage open(String url) {
        browser.open(url);
        browser.waitUntil("the page shows its controls (#dataset, #solver, #train)", LOAD_TIMEOUT,
                () -> !browser.driver().findElements(By.id("train")).isEmpty()
                        && !browser.driver().findElements(By.cssSelector("select#dataset")).isEmpty()
                        && !browser.driver().findElements(By.cssSelector("select#solver")).isEmpty());
        return this;
    }

    /** Sets the settings through their controls (in the order given), then clicks {@code #train}. */
    public void train(Map<String, String> settings) {
        settings.forEach(browser::set);
        browser.byId("train").click();
        browser.assertNoPageError();
    }

    /** Waits until {@code #run-state} is {@code done} and the drawn samples come from the final checkpoint. */
    public Stats awaitTrained(int finalStep) {
        browser.waitUntil("#run-state is 'done' and #stats[data-step] is " + finalStep, TRAIN_TIMEOUT, () -> {
            String state = runState();
            if ("failed".equals(state) || "cancelled".equals(state)) {
                browser.failWithPage("the run ended in state '" + state + "'");
            }
            return "done".equals(state) && Integer.toString(finalStep).equals(browser.attribute("stats", "data-step"));
        });
        Stats s = stats();
        System.out.println("[e2e] trained: renderer=" + renderer() + " " + s);
        return s;
    }

    /** Waits until the page drew again (data-draws above {@code drawsBefore}) with {@code nfe} function evaluations. */
    public Stats awaitRedraw(long drawsBefore, long nfe) {
        browser.waitUntil("#stats[data-draws] > " + drawsBefore + " and #stats[data-nfe] = " + nfe, DRAW_TIMEOUT, () -> {
            Stats s = stats();
            return s.draws() > drawsBefore && s.nfe() == nfe;
        });
        Stats s = stats();
        System.out.println("[e2e] redrawn: renderer=" + renderer() + " " + s);
        return s;
    }

    public String runState() {
        return browser.text("run-state");
    }

    public String renderer() {
        return browser.attribute("renderer", "data-renderer");
    }

    public Stats stats() {
        Map<String, String> a = browser.dataAttributes("stats");
        return Stats.of(a);
    }

    /** Asserts that the drawn points look like two moons (sklearn make_moons, noise 0.05): mean and spread. */
    public void assertMoonsShape(Stats s, int expectedCount) {
        assertEquals(expectedCount, s.count(), "data-count must be the samples setting; " + s);
        double[] ref = MoonsReference.meanAndStd();
        double tol = 0.2;
        String where = " (moons reference mean=(" + fmt(ref[0]) + ", " + fmt(ref[1]) + ") std=(" + fmt(ref[2]) + ", "
                + fmt(ref[3]) + "), tolerance " + tol + "); " + s;
        assertTrue(Math.abs(s.meanX() - ref[0]) <= tol, "mean x off" + where);
        assertTrue(Math.abs(s.meanY() - ref[1]) <= tol, "mean y off" + where);
        assertTrue(Math.abs(s.stdX() - ref[2]) <= tol, "std x off" + where);
        assertTrue(Math.abs(s.stdY() - ref[3]) <= tol, "std y off" + where);
    }

    private static String fmt(double v) {
        return Double.toString(Math.round(v * 1000) / 1000.0);
    }

    /** The {@code #stats} attributes of the last drawn samples. */
    public record Stats(long step, long count, double meanX, double meanY, double stdX, double stdY, long draws, long nfe,
                        Map<String, String> raw) {

        static Stats of(Map<String, String> a) {
            return new Stats(asLong(a.get("data-step")), asLong(a.get("data-count")),
                    asDouble(a.get("data-mean-x")), asDouble(a.get("data-mean-y")),
                    asDouble(a.get("data-std-x")), asDouble(a.get("data-std-y")),
                    asLong(a.get("data-draws")), asLong(a.get("data-nfe")), Map.copyOf(a));
        }

        private static long asLong(String v) {
            if (v == null || v.isBlank()) {
                return -1;
            }
            try {
                return Math.round(Double.parseDouble(v.trim()));
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static double asDouble(String v) {
            if (v == null || v.isBlank()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        @Override
        public String toString() {
            return "#stats " + raw;
        }
    }

    /** Clicks "Export samples" and reads the CSV the click put into {@code #samples-csv}. */
    public float[] exportedSamples(long draws) {
        browser.byId("export-samples").click();
        browser.waitUntil("#samples-csv holds drawing " + draws, PlaygroundPage.DRAW_TIMEOUT,
                () -> Long.toString(draws).equals(browser.attribute("samples-csv", "data-draw")));
        String csv = browser.driver().findElement(By.id("samples-csv")).getDomProperty("value");
        assertFalse(csv == null || csv.isBlank(), "#samples-csv is empty");
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        float[] values = new float[lines.size() * 2];
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(",");
            assertEquals(2, parts.length, "CSV line " + (i + 1) + " must be 'x,y', was '" + lines.get(i) + "'");
            values[2 * i] = Float.parseFloat(parts[0]);
            values[2 * i + 1] = Float.parseFloat(parts[1]);
        }
        return values;
    }
}
