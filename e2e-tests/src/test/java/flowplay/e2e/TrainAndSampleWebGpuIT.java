package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The main journey with WebGPU on (SwiftShader): train on two moons on the server, watch checkpoints arrive, and see the
 * samples drawn by the WebGPU renderer; then re-sample the same checkpoint with another solver without retraining; the
 * field view and the strip panels draw on the same device. A presented WebGPU canvas reads back transparent, so what
 * was drawn is judged from element screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainAndSampleWebGpuIT extends PlaygroundSession {

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withWebGpu("webgpu");
    }

    @Test
    @Order(1)
    void trainsOnMoonsDrawsWithWebGpuAndResamplesWithoutRetraining() throws Exception {
        page.open(server.baseUrl());
        String adapter = browser.webGpuAdapter();
        assertTrue(adapter.startsWith("adapter:"), "Chromium offers no WebGPU adapter with the flags of stack-facts.md ("
                + adapter + "): the test environment is broken, not the page");

        PlaygroundPage.Stats trained = trainMoonsAndCheckDrawing("webgpu");

        int runsBefore = RunsJson.count(server.get("api/runs"));
        browser.set("solver", "euler");
        browser.set("sampleSteps", "4");
        PlaygroundPage.Stats euler = page.awaitRedraw(trained.draws(), expectedNfe("euler", 4));
        browser.screenshot("moons-trained-euler-4");

        assertEquals(STEPS, euler.step(), "re-sampling must use the same checkpoint; " + euler);
        assertEquals("done", page.runState(), "changing the sampler must not start a run");
        assertEquals(runsBefore, RunsJson.count(server.get("api/runs")), "changing the sampler must not start a run");
        assertEquals("webgpu", page.renderer());
        assertEquals(trained.count(), euler.count(), "same number of samples; " + euler);
        assertTrue(Double.isFinite(euler.meanX()) && Double.isFinite(euler.stdY()), "finite statistics; " + euler);
        browser.assertNoPageError();
    }

    /** The strip and the field view follow the main plot onto WebGPU; their pictures are not blank, the heatmap too. */
    @Test
    @Order(2)
    void fieldViewAndStripPanelsDrawWithWebGpu() {
        browser.waitUntil("the strip is done", PlaygroundPage.TRAIN_TIMEOUT,
                () -> "done".equals(browser.attribute("strip", "data-state")));
        List<WebElement> panels = browser.driver().findElements(By.cssSelector("#strip .strip-panel canvas"));
        assertFalse(panels.isEmpty(), "the strip has panels");
        for (WebElement panel : panels) {
            assertEquals("webgpu", panel.getDomAttribute("data-renderer"), "strip panels draw with WebGPU");
        }
        int panelColours = browser.distinctColours(panels.get(panels.size() - 1));
        browser.screenshot("strip-webgpu");
        assertTrue(panelColours >= 8, "the last strip panel shows points, not a blank canvas: " + panelColours + " colours");

        browser.waitUntil("#field-plot draws the trained model with WebGPU", PlaygroundPage.DRAW_TIMEOUT,
                () -> "webgpu".equals(browser.attribute("field-plot", "data-renderer"))
                        && ("run step " + STEPS).equals(browser.attribute("field-plot", "data-model")));
        browser.set("field-layer", "arrows");
        browser.waitUntil("#field-plot shows the arrows", PlaygroundPage.DRAW_TIMEOUT,
                () -> "arrows".equals(browser.attribute("field-plot", "data-layer")));
        int arrowColours = browser.distinctColours(browser.byId("field-plot"));
        browser.screenshot("field-arrows-webgpu");
        assertTrue(arrowColours >= 8, "the arrows layer is drawn: " + arrowColours + " colours");

        browser.byId("field-density").click();
        browser.waitUntil("#field-plot[data-density-state] is done", Duration.ofSeconds(180),
                () -> "done".equals(browser.attribute("field-plot", "data-density-state")));
        browser.waitUntil("the density layer is shown", PlaygroundPage.DRAW_TIMEOUT,
                () -> "density".equals(browser.attribute("field-plot", "data-layer")));
        int densityColours = browser.distinctColours(browser.byId("field-plot"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('field-view').scrollIntoView({block: 'start'});");
        browser.screenshot("field-density-webgpu");
        System.out.println("[e2e] WebGPU colours: strip panel " + panelColours + ", arrows " + arrowColours + ", density "
                + densityColours);
        // The smoothed heatmap is a gradient over much of the box: many more colours than the arrows' flat strokes.
        assertTrue(densityColours > 4 * arrowColours, "the density heatmap is drawn: " + densityColours
                + " colours, the arrows layer had " + arrowColours);
        browser.assertNoPageError();
    }

    @Test
    @Order(3)
    void rendererCanvas2dInTheHashForcesTheFallbackEvenWithWebGpu() {
        page.open(server.baseUrl() + "#renderer=canvas2d&dataset=moons&steps=300&checkpointEvery=100");
        assertTrue(browser.webGpuAdapter().startsWith("adapter:"), "WebGPU is available in this browser");
        assertEquals("300", browser.value("steps"), "the URL hash holds the settings");

        page.train(Map.of());
        PlaygroundPage.Stats s = page.awaitTrained(300);
        browser.screenshot("hash-renderer-canvas2d");
        assertEquals("canvas2d", page.renderer(), "#renderer=canvas2d in the hash must force Canvas2D; " + s);
        assertTrue(s.draws() >= 1 && s.count() > 0, "samples were drawn; " + s);
        browser.assertNoPageError();
    }
}
