package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One real server and one browser per test class (Chromium takes seconds to start), and the journey both renderers
 * share: train on two moons, wait for the final checkpoint to be drawn, check what was drawn.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlaygroundSession {
    /** Enough for seed 0 to give a recognisable moons shape; the run is deterministic, so the check is too. */
    static final int STEPS = 2000;

    FlowplayProcess server;
    Browser browser;
    PlaygroundPage page;

    abstract Browser openBrowser() throws Exception;

    @BeforeAll
    void start() throws Exception {
        server = FlowplayProcess.start();
        browser = openBrowser();
        page = new PlaygroundPage(browser);
    }

    @AfterAll
    void stop() throws Exception {
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

    /** Trains moons through the page's controls and checks the drawing of the final checkpoint. */
    PlaygroundPage.Stats trainMoonsAndCheckDrawing(String expectedRenderer) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataset", "moons");
        settings.put("steps", Integer.toString(STEPS));
        settings.put("checkpointEvery", "250");
        page.train(settings);

        PlaygroundPage.Stats trained = page.awaitTrained(STEPS);
        browser.screenshot("moons-trained-" + browser.value("solver") + "-" + browser.value("sampleSteps"));
        assertEquals(expectedRenderer, page.renderer(), "#renderer[data-renderer]; " + trained);
        page.assertMoonsShape(trained, Integer.parseInt(browser.value("samples")));
        assertEquals(expectedNfe(browser.value("solver"), Integer.parseInt(browser.value("sampleSteps"))), trained.nfe(),
                "data-nfe for solver " + browser.value("solver") + " with " + browser.value("sampleSteps") + " steps; " + trained);
        assertTrue(trained.draws() >= 1, "data-draws counts the draws; " + trained);
        return trained;
    }

    static long expectedNfe(String solver, int steps) {
        return switch (solver) {
            case "euler" -> steps;
            case "midpoint", "heun" -> 2L * steps;
            case "rk4" -> 4L * steps;
            default -> throw new AssertionError("unknown solver " + solver);
        };
    }
}
