package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The same journey in a Chromium without WebGPU: the page must notice and draw with Canvas2D. */
class Canvas2dFallbackIT extends PlaygroundSession {

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("canvas2d-fallback");
    }

    @Test
    void trainsOnMoonsAndDrawsWithCanvas2dWhenThereIsNoWebGpu() {
        page.open(server.baseUrl());
        String adapter = browser.webGpuAdapter();
        assertFalse(adapter.startsWith("adapter:"), "this browser must have no WebGPU adapter, got " + adapter);

        trainMoonsAndCheckDrawing("canvas2d");
        assertEquals("cpu", browser.attribute("sampler-path", "data-path"), "without WebGPU the samples come from the CPU; "
                + browser.text("sampler-path"));
        browser.assertNoPageError();
    }
}
