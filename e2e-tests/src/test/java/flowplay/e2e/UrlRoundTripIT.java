package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * Points drawn with the brush are trained on and the strip orders its panels (1 step worse than 32). Then "paste the
 * link, get the same view": the drawn points, train and sample settings (the stochastic sampler's
 * noise, a post-training schedule change, the strip's step counts and metric), the field view's layer and t, the
 * model and the side-by-side model all go into the URL hash; a second browser, sharing nothing with the first, opens
 * the link and shows the same controls, the same samples, the same strip panels and the same field view.
 */
class UrlRoundTripIT extends PlaygroundSession {
    private static final Duration STRIP_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> SETTINGS = List.of("dataset", "steps", "width", "depth", "lr", "seed", "scheduler",
            "solver", "sampleNoise", "sampleSchedule", "sampleSteps", "samples", "noiseSeed", "stripSteps", "stripMetric",
            "stripSamples");

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("url-round-trip");
    }

    @Test
    void aPastedLinkRestoresTheSameView() throws Exception {
        page.open(server.baseUrl());
        // The run to compare with, first (the strip's second row).
        Map<String, String> first = new LinkedHashMap<>();
        first.put("dataset", "moons");
        first.put("steps", "100");
        first.put("checkpointEvery", "100");
        page.train(first);
        page.awaitTrained(100);

        // Draw seven points with the brush: the link keeps them.
        browser.byId("draw-points").click();
        WebElement plot = browser.driver().findElement(By.cssSelector("canvas#plot"));
        int w = plot.getRect().getWidth();
        int[][] clicks = {{-3, -1}, {-2, 1}, {-1, -2}, {0, 2}, {1, -1}, {2, 2}, {3, 0}};
        for (int[] c : clicks) {
            new Actions(browser.driver()).moveToElement(plot, c[0] * w / 10, c[1] * w / 10).click().perform();
        }
        browser.waitUntil("seven points drawn", PlaygroundPage.DRAW_TIMEOUT,
                () -> "7".equals(browser.attribute("points-message", "data-count")));
        browser.byId("draw-points").click();

        Map<String, String> run = new LinkedHashMap<>();
        run.put("dataset", "points");
        run.put("steps", "300");
        run.put("width", "32");
        run.put("depth", "2");
        run.put("checkpointEvery", "100");
        run.put("sampleSteps", "12");
        run.put("noiseSeed", "5");
        run.put("stripSteps", "1,4,32");
        run.put("stripMetric", "sliced-w2");
        run.put("stripSamples", "512");
        page.train(run);
        page.awaitTrained(300);
        // Drawn points → trained → the strip: every panel finite, one heun step visibly further from the points than 32.
        browser.waitUntil("the strip of the trained model", STRIP_TIMEOUT, () -> "300".equals(browser.attribute("strip", "data-step"))
                && "done".equals(browser.attribute("strip", "data-state")));
        List<WebElement> trained = browser.driver().findElements(By.cssSelector("#strip .strip-panel"));
        double one = Double.parseDouble(trained.get(0).getDomAttribute("data-metric"));
        double many = Double.parseDouble(trained.get(2).getDomAttribute("data-metric"));
        assertTrue(Double.isFinite(one) && Double.isFinite(many) && Double.isFinite(
                Double.parseDouble(trained.get(1).getDomAttribute("data-metric"))), "finite panels");
        assertTrue(one > 2 * many, "1 step (SW2² " + one + ") is visibly worse than 32 (" + many + ")");
        browser.set("solver", "em");
        browser.set("sampleNoise", "0.3");
        browser.set("solver", "rk4"); // em with noise and a schedule change contradict: change the solver first
        browser.set("sampleSchedule", "cosine");
        browser.set("field-layer", "arrows");
        ((JavascriptExecutor) browser.driver()).executeScript("var e = document.getElementById('field-t'); e.value = '0.35';"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));");
        new Select(browser.byId("strip-compare")).selectByIndex(1); // oldest first: the 100-step moons run
        View before = awaitView(browser);

        String link = browser.driver().getCurrentUrl();
        System.out.println("[e2e] link: " + link);
        for (String key : new String[] {"points=1", "model=run%2F", "compare=", "view=arrows%3A0.350", "sampleSchedule=cosine",
                "stripSteps=1%2C4%2C32"}) {
            assertTrue(link.contains(key), "the link holds " + key + ": " + link);
        }

        try (Browser other = Browser.withoutWebGpu("url-round-trip-pasted")) {
            new PlaygroundPage(other).open(link);
            View after = awaitView(other);
            assertEquals(before, after, "the pasted link shows the same view");
            other.screenshot("url-round-trip-pasted");
            other.assertNoPageError();
        }
        browser.assertNoPageError();
    }

    /** Everything the view shows, once the model, the strip and its second row are drawn. */
    private static View awaitView(Browser b) {
        b.waitUntil("the model of step 300 is drawn", PlaygroundPage.TRAIN_TIMEOUT,
                () -> "300".equals(b.attribute("stats", "data-step")) && "rk4".equals(b.attribute("strip", "data-solver")));
        b.waitUntil("the strip and its second row are done", STRIP_TIMEOUT,
                () -> "done".equals(b.attribute("strip", "data-state")) && "done".equals(b.attribute("strip-second", "data-state"))
                        && b.driver().findElements(By.cssSelector("#strip .strip-panel")).size() == 3
                        && "arrows".equals(b.attribute("field-plot", "data-layer")));
        Map<String, String> controls = new LinkedHashMap<>();
        for (String s : SETTINGS) {
            controls.put(s, b.value(s));
        }
        Map<String, String> stats = new LinkedHashMap<>(b.dataAttributes("stats"));
        stats.remove("data-millis");
        stats.remove("data-draws");
        String model = stats.remove("data-model"); // "run step 300 · …" after training, "run/ID (step 300) · …" from a link
        assertTrue(model != null && model.contains("step 300") && model.endsWith("condot → cosine · velocity"), "model " + model);
        List<String> panels = new ArrayList<>();
        for (String row : new String[] {"strip", "strip-second"}) {
            for (WebElement e : b.driver().findElements(By.cssSelector("#" + row + " .strip-panel"))) {
                panels.add(row + " N=" + e.getDomAttribute("data-steps") + " nfe=" + e.getDomAttribute("data-nfe") + " metric="
                        + e.getDomAttribute("data-metric"));
            }
        }
        String field = b.attribute("field-plot", "data-layer") + "@" + b.attribute("field-plot", "data-t");
        String reference = b.attribute("plot", "data-reference") + " × " + b.attribute("plot", "data-reference-count");
        return new View(controls, stats, panels, field, reference, b.attribute("strip-second", "data-model"));
    }

    record View(Map<String, String> controls, Map<String, String> stats, List<String> panels, String field, String reference,
                String second) {
    }
}
