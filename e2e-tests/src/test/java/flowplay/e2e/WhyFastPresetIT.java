package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The "Why fast?" preset (issue 6): one click shows the bundled flow matching model on the OT path and puts the VP and
 * score matching models of {@code experiment why-fast} in the strip's rows below, on the same noise and N; the link
 * then names all three and a pasted copy shows the same rows.
 */
class WhyFastPresetIT extends PlaygroundSession {
    private static final Duration STRIP_TIMEOUT = Duration.ofSeconds(180);
    private static final String[] ROWS = {"strip", "strip-second", "strip-third"};

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("why-fast");
    }

    @Test
    void thePresetComparesOtVpAndScoreModelsOnTheSameNoise() {
        page.open(server.baseUrl() + "#stripSamples=1024");
        browser.byId("why-fast").click();
        List<List<Double>> metrics = awaitRows();
        assertTrue(String.valueOf(browser.attribute("stats", "data-model")).contains("moons-condot-velocity"),
                browser.attribute("stats", "data-model"));
        assertTrue(browser.attribute("strip-second", "data-model").startsWith("moons-vp-velocity · step "),
                browser.attribute("strip-second", "data-model"));
        assertTrue(browser.attribute("strip-third", "data-model").startsWith("moons-vp-score · step "),
                browser.attribute("strip-third", "data-model"));
        System.out.println("[e2e] why-fast preset, heun, energy distance per N=1,2,4,8,16,32: OT " + metrics.get(0) + ", VP "
                + metrics.get(1) + ", score " + metrics.get(2));
        // The seed's claim at its sharpest: after one heun step the straight-path model is much closer to the data.
        assertTrue(metrics.get(0).get(0) < metrics.get(1).get(0), "1 step: OT " + metrics.get(0).get(0) + " < VP " + metrics.get(1).get(0));
        for (List<Double> row : metrics) {
            assertTrue(row.get(row.size() - 1) < row.get(0), "every model improves from 1 to 32 steps: " + row);
        }
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('why-fast').scrollIntoView({block: 'start'});");
        browser.screenshot("why-fast-preset");

        String link = browser.driver().getCurrentUrl();
        for (String key : new String[] {"model=pretrained%2Fmoons-condot-velocity",
            "compare=pretrained%2Fmoons-vp-velocity%2Cpretrained%2Fmoons-vp-score"}) {
            assertTrue(link.contains(key), "the link holds " + key + ": " + link);
        }
        page.open(link);
        assertEquals(metrics, awaitRows(), "the pasted link shows the same three rows");
        browser.assertNoPageError();
    }

    /** Each row's energy distances by N, once all three rows are drawn. */
    private List<List<Double>> awaitRows() {
        browser.waitUntil("all three rows are done", STRIP_TIMEOUT, () -> {
            for (String row : ROWS) {
                if (!"done".equals(browser.attribute(row, "data-state"))) {
                    return false;
                }
            }
            return true;
        });
        List<List<Double>> out = new ArrayList<>();
        for (String row : ROWS) {
            List<Double> metrics = new ArrayList<>();
            for (WebElement e : browser.driver().findElements(By.cssSelector("#" + row + " .strip-panel"))) {
                double m = Double.parseDouble(e.getDomAttribute("data-metric"));
                assertTrue(Double.isFinite(m) && m >= 0, row + " N=" + e.getDomAttribute("data-steps") + ": " + m);
                metrics.add(m);
            }
            assertEquals(6, metrics.size(), row + ": one panel per N of 1,2,4,8,16,32");
            out.add(metrics);
        }
        return out;
    }
}
