package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same journey in a Chromium without WebGPU: the page must notice and draw with Canvas2D. */
class Canvas2dFallbackIT {

    static final int STEPS = 2000;

    private static FlowplayProcess server;
    private static Browser browser;
    private static PlaygroundPage page;

    @BeforeAll
    static void start() throws Exception {
        server = FlowplayProcess.start();
        browser = Browser.withoutWebGpu("canvas2d-fallback");
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
    void trainsOnMoonsAndDrawsWithCanvas2dWhenThereIsNoWebGpu() {
        page.open(server.baseUrl());
        String adapter = browser.webGpuAdapter();
        assertFalse(adapter.startsWith("adapter:"), "this browser must have no WebGPU adapter, got " + adapter);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataset", "moons");
        settings.put("steps", Integer.toString(STEPS));
        settings.put("checkpointEvery", "250");
        page.train(settings);

        PlaygroundPage.Stats s = page.awaitTrained(STEPS);
        browser.screenshot("moons-trained");
        assertEquals("canvas2d", page.renderer(), "#renderer[data-renderer] without WebGPU; " + s);
        page.assertMoonsShape(s, Integer.parseInt(browser.value("samples")));
        assertEquals(TrainAndSampleWebGpuIT.expectedNfe(browser.value("solver"), Integer.parseInt(browser.value("sampleSteps"))),
                s.nfe(), "data-nfe; " + s);
        assertTrue(s.draws() >= 1, "data-draws; " + s);
        browser.assertNoPageError();
    }
}
