package flowplay.e2e.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link BrowserBench} from Maven: only with {@code -Pbrowser-bench} (see {@code bench/browser/run}), never in a
 * plain {@code mvn verify}. A benchmark, not a test: it fails only when the page cannot be run at all.
 */
@EnabledIfSystemProperty(named = "flowplay.browserBench", matches = "true")
class BrowserBenchIT {
    @Test
    void browserBench() throws Exception {
        BrowserBench.run();
    }
}
