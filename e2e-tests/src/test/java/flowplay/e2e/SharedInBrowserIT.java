package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.web.check.SelfCheckSuite;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The whole shared module in the browser: self-check.html runs every scheduler, solver, prediction, coupling and
 * metric compiled by TeaVM, and each number must equal the JVM's run of the same suite (the JS backend rounds float32
 * slightly differently, hence a relative tolerance; function-evaluation counts must match exactly).
 */
class SharedInBrowserIT extends PlaygroundSession {
    private static final double TOLERANCE = 1e-4;

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("self-check");
    }

    @Test
    void everyPartOfTheSharedModuleComputesTheSameInTheBrowser() {
        browser.open(server.baseUrl() + "self-check.html");
        browser.waitUntil("the self-check finished", Duration.ofSeconds(60),
                () -> !"running".equals(browser.attribute("self-check", "data-state")));
        String text = browser.text("self-check");
        assertEquals("done", browser.attribute("self-check", "data-state"), "the self-check failed in the browser: " + text);

        Map<String, Double> inBrowser = parse(text);
        Map<String, Double> onJvm = SelfCheckSuite.run();
        assertEquals(onJvm.keySet(), inBrowser.keySet(), "the same checks ran");
        StringBuilder mismatches = new StringBuilder();
        for (Map.Entry<String, Double> e : onJvm.entrySet()) {
            double expected = e.getValue();
            double actual = inBrowser.get(e.getKey());
            boolean count = e.getKey().endsWith(".nfe");
            double allowed = count ? 0 : TOLERANCE * Math.max(1, Math.abs(expected));
            boolean same = Double.isNaN(expected) ? Double.isNaN(actual) : Math.abs(actual - expected) <= allowed;
            if (!same) {
                mismatches.append(e.getKey()).append(": browser ").append(actual).append(", JVM ").append(expected).append('\n');
            }
        }
        assertTrue(mismatches.length() == 0, "browser and JVM disagree:\n" + mismatches);
        assertTrue(onJvm.size() > 100, "the suite covers the module: " + onJvm.size() + " numbers");
    }

    private static Map<String, Double> parse(String text) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            assertTrue(eq > 0, "a name=value line: " + line);
            values.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
        }
        return values;
    }
}
