package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The main journey with WebGPU on (SwiftShader): train on two moons on the server, watch checkpoints arrive, and see the
 * samples drawn by the WebGPU renderer; then re-sample the same checkpoint with another solver without retraining.
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

    @Test
    @Order(2)
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
