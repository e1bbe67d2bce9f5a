package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.Datasets;
import flowplay.core.json.Json;
import flowplay.core.metrics.EnergyDistance;
import flowplay.core.model.PredictionField;
import flowplay.core.rng.Rng;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.sampling.SamplingPlan;
import flowplay.core.settings.Settings;
import flowplay.core.solver.Sampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The step-count comparison strip and the solver chart on the CPU path (no WebGPU): one model, the same noise, a panel
 * per N, the distance to the data falling as N grows; an edit of the N list redraws the strip with the new panels; a
 * second run's model side by side; the solver chart; the first strip of a bundled model on the workers' WasmGC build and
 * on their JavaScript fallback.
 */
class ComparisonStripIT extends PlaygroundSession {
    private static final int TRAIN_STEPS = 1500;
    private static final int SHORT_STEPS = 200;
    private static final Duration STRIP_TIMEOUT = Duration.ofSeconds(120);

    @Override
    Browser openBrowser() throws Exception {
        return Browser.withoutWebGpu("strip");
    }

    /** One strip panel as the page contract gives it. */
    record Panel(int steps, long nfe, double metric, double millis) {
    }

    @Test
    void theStripComparesStepCountsOnOneModelAndFollowsTheList() throws Exception {
        page.open(server.baseUrl());
        // A short run first: the side-by-side row compares the final model with it.
        Map<String, String> shortRun = new LinkedHashMap<>();
        shortRun.put("dataset", "moons");
        shortRun.put("steps", Integer.toString(SHORT_STEPS));
        shortRun.put("checkpointEvery", "100");
        page.train(shortRun);
        page.awaitTrained(SHORT_STEPS);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataset", "moons");
        settings.put("steps", Integer.toString(TRAIN_STEPS));
        settings.put("checkpointEvery", "250");
        page.train(settings);
        page.awaitTrained(TRAIN_STEPS);

        List<Panel> panels = awaitStrip(List.of(1, 2, 4, 8, 16, 32));
        browser.screenshot("strip-default");
        for (Panel p : panels) {
            assertEquals(2L * p.steps(), p.nfe(), "heun spends 2 evaluations per step: " + p);
            assertTrue(Double.isFinite(p.metric()) && p.metric() >= 0, "finite distance: " + p);
        }
        assertTrue(panels.get(0).metric() > panels.get(5).metric(),
                "1 step is further from the data than 32: " + panels);
        assertEquals("workers", browser.attribute("strip", "data-path"), "the strip solves on worker threads");
        assertEquals("wasm-gc", browser.attribute("strip", "data-worker-engine"),
                "Chromium runs the workers' WasmGC build (" + browser.attribute("strip", "data-worker-note") + ")");
        List<Double> jvm = jvmMetrics(List.of(1, 2, 4, 8, 16, 32));
        for (int i = 0; i < panels.size(); i++) {
            double page = panels.get(i).metric();
            assertTrue(Math.abs(page - jvm.get(i)) <= 1e-3 * jvm.get(i) + 1e-6,
                    "N=" + panels.get(i).steps() + ": page " + page + ", JVM " + jvm.get(i));
        }
        System.out.println("[e2e] strip metrics page " + panels.stream().map(Panel::metric).toList() + " JVM " + jvm);
        report("default list, heun", panels);

        browser.set("stripSteps", "3, 12");
        List<Panel> edited = awaitStrip(List.of(3, 12));
        assertTrue(Double.isFinite(edited.get(0).metric()) && Double.isFinite(edited.get(1).metric()), edited.toString());

        // Panels already computed for this model are kept: back to the default list, every panel comes from the cache with
        // exactly the numbers it had, and adding one N computes only that panel.
        browser.set("stripSteps", "1,2,4,8,16,32");
        List<Panel> again = awaitStrip(List.of(1, 2, 4, 8, 16, 32));
        assertEquals(panels, again, "kept panels show what they showed");
        assertEquals(List.of("true", "true", "true", "true", "true", "true"), cachedFlags(), "all six kept");
        report("back to the default list (all kept), heun", again);
        browser.set("stripSteps", "1,2,4,8,16,24");
        List<Panel> oneNew = awaitStrip(List.of(1, 2, 4, 8, 16, 24));
        assertEquals(List.of("true", "true", "true", "true", "true", "false"), cachedFlags(), "only N=24 computed");
        report("after an edit of one N, heun", oneNew);
        // The speed target, measured (reported, not asserted): a change of step counts, 4096 points, CPU path;
        // a new solver recomputes every panel, the worst case.
        browser.set("solver", "euler");
        report("after a change of solver (all new), euler", awaitStrip(List.of(1, 2, 4, 8, 16, 24)));

        // Side by side: the short run in a second row, on the same noise and N.
        browser.waitUntil("#strip-compare lists both runs", STRIP_TIMEOUT,
                () -> new Select(browser.byId("strip-compare")).getOptions().stream()
                        .filter(o -> String.valueOf(o.getDomAttribute("value")).startsWith("run/")).count() == 2);
        new Select(browser.byId("strip-compare")).selectByIndex(1); // runs are listed oldest first: the short run
        browser.waitUntil("#strip-second is done", STRIP_TIMEOUT, () -> "done".equals(browser.attribute("strip-second", "data-state")));
        List<WebElement> secondRow = browser.driver().findElements(By.cssSelector("#strip-second .strip-panel"));
        assertEquals(6, secondRow.size(), "one panel per N in the second row");
        for (WebElement e : secondRow) {
            assertTrue(Double.isFinite(Double.parseDouble(e.getDomAttribute("data-metric"))), e.getDomAttribute("data-steps"));
        }
        System.out.println("[e2e] second row (" + browser.attribute("strip-second", "data-model") + "): "
                + browser.attribute("strip-second", "data-millis") + " ms, metrics "
                + secondRow.stream().map(e -> e.getDomAttribute("data-metric")).toList());
        browser.screenshot("strip-side-by-side");

        browser.byId("compare-solvers").click();
        browser.waitUntil("#nfe-chart[data-state] is 'done'", STRIP_TIMEOUT,
                () -> "done".equals(browser.attribute("nfe-chart", "data-state")));
        @SuppressWarnings("unchecked")
        List<Object> points = (List<Object>) Json.parse(browser.attribute("nfe-chart", "data-points"));
        assertEquals(4 * 6 + 1, points.size(), "four fixed-step solvers at six N, and dopri5: " + points);
        for (Object o : points) {
            Map<?, ?> p = (Map<?, ?>) o;
            assertTrue(p.get("metric") instanceof Double, "finite metric: " + p);
        }
        System.out.println("[e2e] nfe-chart points: " + browser.attribute("nfe-chart", "data-points"));
        browser.screenshot("strip-and-nfe-chart");
        browser.assertNoPageError();

        // The first strip of a new model (every panel new, heun: 126 network evaluations of 4096 points) on the workers'
        // WasmGC build, then on their JavaScript build (?worker=js, the fallback where WasmGC is missing) with the same
        // model: both match the JVM.
        new Select(browser.byId("strip-compare")).selectByIndex(0);
        browser.set("solver", "heun");
        browser.set("stripSteps", "1,2,4,8,16,32");
        firstStripOfPretrained("wasm-gc");
        page.open(server.baseUrl() + "?worker=js");
        firstStripOfPretrained("js");
        assertTrue(browser.attribute("strip", "data-worker-note").contains("?worker=js"),
                "the page says why: " + browser.attribute("strip", "data-worker-note"));
        browser.assertNoPageError();
    }

    private void firstStripOfPretrained(String engine) throws Exception {
        new Select(browser.byId("pretrained")).selectByValue("moons-condot-velocity");
        browser.waitUntil("#strip shows the pretrained model", STRIP_TIMEOUT,
                () -> String.valueOf(browser.attribute("stats", "data-model")).contains("moons-condot-velocity")
                        && String.valueOf(browser.attribute("stats", "data-step")).equals(browser.attribute("strip", "data-step"))
                        && "done".equals(browser.attribute("strip", "data-state")));
        List<Panel> panels = awaitStrip(List.of(1, 2, 4, 8, 16, 32));
        assertEquals(engine, browser.attribute("strip", "data-worker-engine"), "the workers' build");
        assertEquals("workers", browser.attribute("strip", "data-path"));
        List<Double> jvm = jvmMetrics(List.of(1, 2, 4, 8, 16, 32));
        for (int i = 0; i < panels.size(); i++) {
            double page = panels.get(i).metric();
            assertTrue(Math.abs(page - jvm.get(i)) <= 1e-3 * jvm.get(i) + 1e-6,
                    engine + " N=" + panels.get(i).steps() + ": page " + page + ", JVM " + jvm.get(i));
        }
        report("first strip of the pretrained model on " + engine + " workers, heun", panels);
    }

    /** Waits until {@code #strip} is done with exactly these panels, and reads them. */
    private List<Panel> awaitStrip(List<Integer> steps) {
        String want = steps.toString();
        browser.waitUntil("#strip is done with panels N = " + want, STRIP_TIMEOUT, () -> {
            if (!"done".equals(browser.attribute("strip", "data-state"))) {
                return false;
            }
            List<Integer> shown = new ArrayList<>();
            for (WebElement e : panelElements()) {
                shown.add(Integer.parseInt(e.getDomAttribute("data-steps")));
            }
            return shown.equals(steps);
        });
        List<Panel> panels = new ArrayList<>();
        for (WebElement e : panelElements()) {
            panels.add(new Panel(Integer.parseInt(e.getDomAttribute("data-steps")), Long.parseLong(e.getDomAttribute("data-nfe")),
                    Double.parseDouble(e.getDomAttribute("data-metric")), Double.parseDouble(e.getDomAttribute("data-millis"))));
        }
        return panels;
    }

    /**
     * Each panel's energy distance recomputed on the JVM from the run's checkpoint, the same noise (seed 1, the first
     * 4096 points) and the same reference set (1500 moons points, seed 7): the strip's numbers, whichever thread made
     * them, are the core sampler's. JS and the JVM round floats differently (~1e-6), so they agree to 1e-3 relative.
     */
    private List<Double> jvmMetrics(List<Integer> steps) throws Exception {
        String href = browser.byId("download-checkpoint").getDomAttribute("href");
        PredictionField field = Checkpoint.fromBytes(server.getBytes(href.startsWith("/") ? href.substring(1) : href)).velocityField();
        SampleConfig config = SampleConfig.from(Settings.defaults(Settings.SAMPLE));
        int n = 4096;
        float[] noise = new float[n * 2];
        new Rng(1).fillGaussian(noise, 0, noise.length);
        float[] reference = new float[1500 * 2];
        Datasets.byName("moons").sample(new Rng(7), 1500, reference);
        List<Double> out = new ArrayList<>();
        for (int s : steps) {
            float[] x = noise.clone();
            SamplingPlan plan = config.plan(field, SamplingPlan.DEFAULT_EPS);
            Sampler.run(plan.field(), config.integrator(), x, n, plan.grid(s), null);
            out.add(EnergyDistance.of(x, n, reference, 1500, 2));
        }
        return out;
    }

    private List<String> cachedFlags() {
        return panelElements().stream().map(e -> e.getDomAttribute("data-cached")).toList();
    }

    private List<WebElement> panelElements() {
        return browser.driver().findElements(By.cssSelector("#strip .strip-panel"));
    }

    private void report(String what, List<Panel> panels) {
        double sum = 0;
        for (Panel p : panels) {
            sum += p.millis();
        }
        System.out.println("[e2e] strip " + what + ": redrawn in " + browser.attribute("strip", "data-redraw-millis")
                + " ms; panels computed now " + browser.attribute("strip", "data-millis") + " ms (listed panel times "
                + Math.round(sum) + " ms), " + browser.attribute("strip", "data-count") + " points: " + panels);
    }
}
