package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.e2e.bench.BenchRow;
import flowplay.web.bench.BenchWorkload;
import flowplay.web.bench.CpuSampler;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The browser bench page (bench.html) works, on a tiny workload and without TF.js, as the production server serves it:
 * the TeaVM JavaScript and WasmGC engines finish with a finite positive speed, WasmGC's final points agree with the
 * JavaScript ones, both agree with the same workload on the JVM, and the TF.js rows say how to install it. No timing
 * is asserted: the speed comparison is {@code bench/browser/run} (docs/benchmarks.md). A playground session's server
 * and browser, without the playground journey.
 */
class BenchPageIT extends PlaygroundSession {
    private static final int POINTS = 256;
    private static final int WORKLOAD_STEPS = 5;
    private static final int SEED = 1;

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withWebGpu("bench-page");
    }

    @Test
    void tinyWorkloadRunsOnTheTeaVmEnginesAndTfjsRowsSayNotInstalled() {
        browser.open(server.baseUrl() + "bench.html?points=" + POINTS + "&steps=" + WORKLOAD_STEPS + "&reps=2&seed=" + SEED
                + "&digitsReps=1");
        browser.waitUntil("every engine of the bench page ended", Duration.ofSeconds(90),
                () -> "done".equals(browser.attribute("bench", "data-state")));
        browser.screenshot("bench-tiny");
        List<BenchRow> list = BenchRow.read(browser.driver());
        Map<String, BenchRow> rows = list.stream().collect(Collectors.toMap(BenchRow::engine, Function.identity()));
        String all = list.toString();
        assertEquals(List.of("teavm-js", "teavm-wasmgc", "webgpu-compute", "tfjs-wasm", "tfjs-cpu", "tfjs-webgpu"),
                list.stream().map(BenchRow::engine).toList(), "the default engines, in order");

        for (String engine : List.of("teavm-js", "teavm-wasmgc")) {
            BenchRow r = rows.get(engine);
            assertEquals("done", r.state(), engine + " finished: " + r);
            assertTrue(Double.isFinite(r.stepsPerSecond()) && r.stepsPerSecond() > 0, engine + " has a speed: " + r);
            assertEquals(2, r.runs().split(",").length, engine + " timed two runs: " + r);
        }
        assertEquals(0.0, rows.get("teavm-js").maxDiff(), "the reference row");
        double wasmDiff = rows.get("teavm-wasmgc").maxDiff();
        assertTrue(wasmDiff <= 1e-4, "WasmGC's final points agree with JavaScript's within 1e-4: " + wasmDiff);

        // The same workload on the JVM (the core sampler the page compiles): Σ x over the final points.
        BenchWorkload w = new BenchWorkload(POINTS, WORKLOAD_STEPS, 1, 1, SEED);
        var field = BenchWorkload.field(w.mlp());
        double[] jvm = new double[1];
        new CpuSampler().sample(field, BenchWorkload.SOLVER, BenchWorkload.grid(field, WORKLOAD_STEPS), w.noise(), POINTS, x -> {
            for (float v : x) {
                jvm[0] += v;
            }
        }, message -> {
            throw new AssertionError(message);
        });
        for (String engine : List.of("teavm-js", "teavm-wasmgc")) {
            double browserSum = Double.parseDouble(browser.driver().findElement(
                    org.openqa.selenium.By.cssSelector("#bench-rows tr[data-engine='" + engine + "']")).getDomAttribute("data-checksum"));
            assertEquals(jvm[0], browserSum, 1e-3, engine + ": Σ x of the final points as on the JVM");
        }

        for (String engine : List.of("tfjs-wasm", "tfjs-cpu", "tfjs-webgpu")) {
            BenchRow r = rows.get(engine);
            assertEquals("unavailable", r.state(), engine + ": " + all);
            assertEquals("not installed: run bench/browser/fetch-tfjs", r.note(), engine);
        }
        BenchRow gpu = rows.get("webgpu-compute");
        if (browser.webGpuAdapter().startsWith("adapter:")) {
            assertEquals("done", gpu.state(), "with a WebGPU adapter the compute sampler runs: " + gpu);
            assertTrue(gpu.maxDiff() <= 1e-4, "WebGPU's final points agree with JavaScript's within 1e-4: " + gpu);
        } else {
            assertEquals("unavailable", gpu.state(), "without WebGPU the row says why: " + gpu);
        }
        // The digits grid workload (issue 8): once on the page's thread and once on the workers, for each w.
        browser.waitUntil("the digits grid rows", Duration.ofSeconds(90), () -> "done".equals(browser.attribute("bench-digits", "data-state")));
        List<org.openqa.selenium.WebElement> digits = browser.driver().findElements(org.openqa.selenium.By.cssSelector("#bench-digits-rows tr"));
        assertEquals(List.of("page 1.0", "page 0.0", "workers 1.0", "workers 0.0"),
                digits.stream().map(r -> r.getDomAttribute("data-path") + " " + r.getDomAttribute("data-w")).toList());
        for (var r : digits) {
            double ms = Double.parseDouble(r.getDomAttribute("data-median-ms"));
            assertTrue(Double.isFinite(ms) && ms > 0, "a time for " + r.getDomAttribute("data-path") + ": " + ms);
        }
        System.out.println("[e2e] bench digits grid: " + digits.stream().map(r -> r.getDomAttribute("data-path") + " w="
                + r.getDomAttribute("data-w") + " " + r.getDomAttribute("data-median-ms") + " ms").toList());
        browser.assertNoPageError();
    }
}
