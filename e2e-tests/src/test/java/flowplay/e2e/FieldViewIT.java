package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The field view card (issue 5): after a short moons run it follows the trained model; the t slider and the layer
 * select redraw it, the arrows cover a 24×24 grid, and the density computed on demand carries mass ≈ 1 in the box.
 * Without WebGPU: this covers the Canvas2D painter (TrainAndSampleWebGpuIT covers the WebGPU one).
 */
class FieldViewIT extends PlaygroundSession {
    private static final int FIELD_STEPS = 1000;
    private static final Duration DENSITY_TIMEOUT = Duration.ofSeconds(180);

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("field-view");
    }

    @Test
    void followsTheTrainedModelAcrossTimeLayersAndDensity() {
        page.open(server.baseUrl() + "#view=x1:0.4");
        waitForPlot("data-layer", "x1");
        assertEquals("0.400", plot("data-t"), "the hash's view=layer:t opens the view there");
        browser.set("field-layer", "path-data");
        waitForPlot("data-layer", "path-data");
        assertTrue(browser.driver().getCurrentUrl().contains("view=path-data%3A0.400"),
                "the layer goes into the hash: " + browser.driver().getCurrentUrl());

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataset", "moons");
        settings.put("steps", Integer.toString(FIELD_STEPS));
        settings.put("checkpointEvery", "500");
        page.train(settings);
        page.awaitTrained(FIELD_STEPS);
        waitForPlot("data-model", "run step " + FIELD_STEPS);
        assertEquals("canvas2d", plot("data-renderer"), "no WebGPU in this browser: the field view paints with Canvas2D");

        slideTo("0.25");
        waitForPlot("data-t", "0.250");
        assertEquals("1024", plot("data-points"), "p_t from the data draws the view's 1024 noise points");
        shot("field-path-data-t025");

        browser.set("field-layer", "arrows");
        waitForPlot("data-layer", "arrows");
        assertEquals("576", plot("data-arrows"), "a 24×24 grid of arrows");
        assertEquals("0.250", plot("data-t-used"), "a velocity model needs no clamping");
        assertEquals("false", plot("data-clamped"));
        shot("field-arrows-t025");

        slideTo("0.9");
        waitForPlot("data-t", "0.900");
        assertEquals("576", plot("data-arrows"));

        browser.set("field-layer", "path-model");
        waitForPlot("data-layer", "path-model");
        assertEquals("0", plot("data-arrows"), "only the arrows layer draws arrows");
        assertEquals("1024", plot("data-points"));
        shot("field-path-model-t09");

        browser.set("field-layer", "x1");
        waitForPlot("data-layer", "x1");
        assertEquals("1024", plot("data-points"));
        shot("field-x1-t09");

        browser.byId("field-play").click();
        browser.waitUntil("playing moves t away from 0.900", Duration.ofSeconds(20),
                () -> !"0.900".equals(plot("data-t")));
        browser.byId("field-play").click();

        browser.byId("field-density").click();
        browser.waitUntil("#field-plot[data-density-state] is done", DENSITY_TIMEOUT,
                () -> "done".equals(plot("data-density-state")));
        assertEquals("density", plot("data-layer"), "computing the density shows it");
        double mass = Double.parseDouble(plot("data-density-mass"));
        System.out.println("[e2e] field density mass " + mass + " in " + plot("data-density-millis") + " ms");
        assertTrue(Math.abs(mass - 1) <= 0.1, "density mass over the box must be within 10% of 1, was " + mass);
        shot("field-density");
        browser.assertNoPageError();
    }

    private String plot(String attribute) {
        return browser.attribute("field-plot", attribute);
    }

    private void waitForPlot(String attribute, String value) {
        browser.waitUntil("#field-plot[" + attribute + "] is '" + value + "'", PlaygroundPage.DRAW_TIMEOUT,
                () -> value.equals(plot(attribute)));
    }

    /** A screenshot with the field view card scrolled into view (it sits below the main plot). */
    private void shot(String name) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('field-view').scrollIntoView({block: 'start'});");
        browser.screenshot(name);
    }

    /** Moves the range input as a drag does: a new value, then an input event. */
    private void slideTo(String value) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var e = document.getElementById('field-t'); e.value = arguments[0];"
                        + " e.dispatchEvent(new Event('input', {bubbles: true}));", value);
    }
}
