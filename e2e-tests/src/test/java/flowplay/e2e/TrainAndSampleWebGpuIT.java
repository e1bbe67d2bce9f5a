package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The main journey with WebGPU on (SwiftShader): train on two moons on the server, watch checkpoints arrive, and see the
 * samples drawn by the WebGPU renderer; then re-sample the same checkpoint with another solver without retraining.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainAndSampleWebGpuIT {

    static final int STEPS = 2000;

    private static FlowplayProcess server;
    private static Browser browser;
    private static PlaygroundPage page;

    @BeforeAll
    static void start() throws Exception {
        server = FlowplayProcess.start();
        browser = Browser.withWebGpu("webgpu");
        page = new PlaygroundPage(browser);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    @Order(1)
    void trainsOnMoonsDrawsWithWebGpuAndResamplesWithoutRetraining() throws Exception {
        page.open(server.baseUrl());
        String adapter = browser.webGpuAdapter();
        assertTrue(adapter.startsWith("adapter:"), "Chromium offers no WebGPU adapter with the flags of stack-facts.md ("
                + adapter + "): the test environment is broken, not the page");

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataset", "moons");
        settings.put("steps", Integer.toString(STEPS));
        settings.put("checkpointEvery", "250");
        page.train(settings);

        PlaygroundPage.Stats trained = page.awaitTrained(STEPS);
        browser.screenshot("moons-trained-" + browser.value("solver") + "-" + browser.value("sampleSteps"));
        assertEquals("webgpu", page.renderer(), "#renderer[data-renderer] with WebGPU available; " + trained);
        page.assertMoonsShape(trained, Integer.parseInt(browser.value("samples")));
        assertEquals(expectedNfe(browser.value("solver"), Integer.parseInt(browser.value("sampleSteps"))), trained.nfe(),
                "data-nfe for solver " + browser.value("solver") + " with " + browser.value("sampleSteps") + " steps; " + trained);
        assertTrue(trained.draws() >= 1, "data-draws counts the draws; " + trained);

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

    static long expectedNfe(String solver, int steps) {
        return switch (solver) {
            case "euler" -> steps;
            case "heun" -> 2L * steps;
            default -> throw new AssertionError("unknown solver " + solver);
        };
    }
}
