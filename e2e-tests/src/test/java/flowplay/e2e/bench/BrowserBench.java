package flowplay.e2e.bench;

import flowplay.e2e.Browser;
import flowplay.e2e.FlowplayProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.Capabilities;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser sampler benchmark (docs/benchmarks.md, "Browser sampler: bench page"): serves the built web client and
 * the vendored TF.js from {@link StaticFiles}, opens bench.html in ONE headless Chromium with the WebGPU flags, waits
 * until every engine has ended, prints the table and writes it to {@code e2e-tests/target/browser-bench.md}.
 * Not a test: it asserts nothing about speed. Run it with {@code bench/browser/run} (which builds what it needs), or
 * {@code main} from an IDE after a build. Settings (system properties): {@code bench.points} (10000),
 * {@code bench.steps} (100), {@code bench.reps} (3), {@code bench.engines} (the page's default), {@code bench.query}
 * (more of the page's query, e.g. {@code reps.tfjs-webgpu=1}), {@code bench.isolated} (serve with COOP/COEP headers, so
 * TF.js wasm may use threads), {@code flowplay.web.dir}, {@code flowplay.bench.vendor}.
 */
public final class BrowserBench {
    private BrowserBench() {
    }

    public static void main(String[] args) throws Exception {
        run();
    }

    /** Runs the bench with the system properties' settings; returns the report's markdown. */
    public static String run() throws Exception {
        Path web = Path.of(System.getProperty("flowplay.web.dir", "../webapp/target/classes/web"));
        Path vendor = Path.of(System.getProperty("flowplay.bench.vendor", "../bench/browser/vendor"));
        if (!Files.isRegularFile(web.resolve("bench.html")) || !Files.isRegularFile(web.resolve("bench.wasm"))) {
            throw new IllegalStateException(web.toAbsolutePath() + " has no bench.html/bench.wasm: build the webapp first "
                    + "(bench/browser/run does)");
        }
        StringBuilder query = new StringBuilder("bench.html?points=" + prop("bench.points", "10000") + "&steps="
                + prop("bench.steps", "100") + "&reps=" + prop("bench.reps", "3"));
        String engines = System.getProperty("bench.engines", "");
        if (!engines.isBlank()) {
            query.append("&engines=").append(engines.trim());
        }
        String extra = System.getProperty("bench.query", "").trim();
        if (!extra.isEmpty()) {
            query.append('&').append(extra.startsWith("&") ? extra.substring(1) : extra);
        }
        boolean isolated = Boolean.parseBoolean(prop("bench.isolated", "false"));
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        try (StaticFiles files = StaticFiles.start(Map.of("/", web, "/vendor/", vendor), isolated);
             Browser browser = Browser.withWebGpu("browser-bench")) {
            String url = files.baseUrl() + query;
            System.out.println("browser bench: " + url + (isolated ? " (cross-origin isolated)" : ""));
            browser.open(url);
            String adapter = browser.webGpuAdapter();
            long timeoutMinutes = Long.parseLong(prop("bench.timeoutMinutes", "30"));
            browser.waitUntil("every engine of the bench page ended", Duration.ofMinutes(timeoutMinutes),
                    () -> "done".equals(browser.attribute("bench", "data-state")));
            List<BenchRow> rows = BenchRow.read(browser.driver());
            String digits = digitsGrid(browser, timeoutMinutes);
            browser.screenshot("bench-page");
            Capabilities caps = ((ChromeDriver) browser.driver()).getCapabilities();
            String report = report(rows, browser.attribute("bench", "data-points"), browser.attribute("bench", "data-steps"),
                    browser.attribute("bench", "data-reps"), browser.attribute("bench", "data-warmup"),
                    caps.getBrowserName() + " " + caps.getBrowserVersion() + (isolated ? ", page cross-origin isolated" : ""),
                    adapter, loadBefore, loadAverage(),
                    Duration.between(started, Instant.now())) + digits;
            System.out.println(report);
            Path out = FlowplayProcess.targetDir().resolve("browser-bench.md");
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println("written to " + out.toAbsolutePath());
            return report;
        }
    }

    /**
     * The digits grid rows bench.html times after the engines ({@code #bench-digits}, issue 8), as markdown; empty when
     * the query skipped them ({@code digitsReps=0}).
     */
    private static String digitsGrid(Browser browser, long timeoutMinutes) {
        if ("waiting".equals(browser.attribute("bench-digits", "data-state"))) {
            return "";
        }
        browser.waitUntil("the digits grid rows", Duration.ofMinutes(timeoutMinutes),
                () -> "done".equals(browser.attribute("bench-digits", "data-state")));
        StringBuilder b = new StringBuilder("\ndigits grid (64 digits × 32 heun steps, pretrained/digits-class, labels i mod 10):\n\n"
                + "| where | w | median ms | runs (ms) |\n|---|---:|---:|---|\n");
        for (var row : browser.driver().findElements(org.openqa.selenium.By.cssSelector("#bench-digits-rows tr"))) {
            b.append("| ").append(row.findElements(org.openqa.selenium.By.tagName("td")).get(1).getText())
                    .append(" | ").append(row.getDomAttribute("data-w"))
                    .append(" | ").append(row.getDomAttribute("data-median-ms"))
                    .append(" | ").append(row.getDomAttribute("data-runs")).append(" |\n");
        }
        return b.toString();
    }

    static String report(List<BenchRow> rows, String points, String steps, String reps, String warmup, String browser,
            String adapter, String loadBefore, String loadAfter, Duration took) {
        double wasm = speed(rows, "tfjs-wasm");
        double webgpu = speed(rows, "tfjs-webgpu");
        StringBuilder b = new StringBuilder();
        b.append("browser bench: ").append(points).append(" points × ").append(steps)
                .append(" Euler steps, MLP 3-64-64-64-2 ELU; warm-up ").append(warmup).append(" steps, median of ")
                .append(reps).append(" timed runs\n");
        b.append("browser: ").append(browser).append(", WebGPU ").append(adapter).append("\n");
        b.append("machine: ").append(machine()).append("\n");
        b.append("load average before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append("; took ").append(took.toSeconds()).append(" s\n\n");
        b.append("| engine | sample-steps/s | median s (runs) | vs tfjs-wasm | vs tfjs-webgpu | max diff vs teavm-js | note |\n");
        b.append("|---|---:|---|---:|---:|---:|---|\n");
        for (BenchRow r : rows) {
            boolean done = r.state().equals("done");
            b.append("| ").append(r.engine())
                    .append(" | ").append(done ? String.format(Locale.ROOT, "%.0f", r.stepsPerSecond()) : r.state())
                    .append(" | ").append(done ? String.format(Locale.ROOT, "%.3f (%s)", r.seconds(), runs(r.runs())) : "")
                    .append(" | ").append(ratio(r, wasm))
                    .append(" | ").append(ratio(r, webgpu))
                    .append(" | ").append(done && !Double.isNaN(r.maxDiff()) ? String.format(Locale.ROOT, "%.2g", r.maxDiff()) : "")
                    .append(" | ").append(r.note().replace('|', '/'))
                    .append(" |\n");
        }
        b.append('\n').append(targets(rows, wasm, webgpu));
        return b.toString();
    }

    private static String targets(List<BenchRow> rows, double wasm, double webgpu) {
        StringBuilder b = new StringBuilder();
        double js = speed(rows, "teavm-js");
        double wasmGc = speed(rows, "teavm-wasmgc");
        double cpu = Double.isNaN(wasmGc) ? js : Double.isNaN(js) ? wasmGc : Math.max(js, wasmGc);
        b.append("target 1, TeaVM CPU sampler (best of JS, WasmGC) ≥ TF.js wasm: ")
                .append(verdict(cpu, wasm)).append('\n');
        b.append("target 2, WebGPU compute sampler ≥ TF.js webgpu: ")
                .append(verdict(speed(rows, "webgpu-compute"), webgpu)).append('\n');
        return b.toString();
    }

    private static String verdict(double ours, double theirs) {
        if (Double.isNaN(ours) || Double.isNaN(theirs)) {
            return "not measured (" + (Double.isNaN(ours) ? "our engine" : "TF.js") + " did not run)";
        }
        return String.format(Locale.ROOT, "%s (%.2f×)", ours >= theirs ? "MET" : "NOT MET", ours / theirs);
    }

    private static String ratio(BenchRow r, double peer) {
        if (!r.state().equals("done") || Double.isNaN(peer) || peer <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f×", r.stepsPerSecond() / peer);
    }

    private static String runs(String list) {
        StringBuilder b = new StringBuilder();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", Double.parseDouble(s)));
            }
        }
        return b.toString();
    }

    static double speed(List<BenchRow> rows, String engine) {
        for (BenchRow r : rows) {
            if (r.engine().equals(engine) && r.state().equals("done")) {
                return r.stepsPerSecond();
            }
        }
        return Double.NaN;
    }

    private static String prop(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }
}
