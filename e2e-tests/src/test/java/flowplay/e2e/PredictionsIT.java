package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.checkpoint.CheckpointFormatException;
import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.path.Scheduler;
import flowplay.core.path.Schedulers;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.sampling.SamplingPlan;
import flowplay.core.solver.TimeGrid;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * "Load checkpoint…" for every prediction type: checkpoints with seeded random weights predicting velocity, x1, x0 and
 * score on two paths are loaded into the page through {@code #checkpoint-file}, and the page's samples (read through
 * "Export samples") must equal the JVM's {@link Sampler#run} on the same noise, solver, steps and (clipped) grid.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PredictionsIT extends PlaygroundSession {
    /**
     * |page − JVM| ≤ 1e-4 · max(1, |JVM|): the page's JS float arithmetic rounds differently from the JVM's (~1e-7
     * relative, stack-facts), and a random x0 or score network near a singular end (1/α_t = 1000 at t = 0.001) throws
     * samples out to |x| ~ 1e4, where float32 itself only resolves ~1e-3. Up to |x| = 1 this is the absolute 1e-4.
     */
    static final double TOLERANCE = 1e-4;
    /** How far the page's grid stays from an end where the prediction → velocity conversion is singular. */
    static final double EPS = 1e-3;
    static final int[] SIZES = {3, 32, 32, 2};

    private final List<String> measured = new ArrayList<>();
    private Path dir;

    @Override
    Browser openBrowser() throws Exception {
        dir = Files.createTempDirectory("flowplay-e2e-checkpoints");
        return Browser.withWebGpu("predictions");
    }

    @AfterAll
    void cleanUp() throws Exception {
        measured.forEach(m -> System.out.println("[e2e] " + m));
        FlowplayProcess.deleteRecursively(dir);
    }

    @Test
    @Order(1)
    void everyPredictionOnCondOtMatchesTheJvmWithHeun() throws Exception {
        page.open(server.baseUrl() + "#samples=256&solver=heun&sampleSteps=16&noiseSeed=5");
        checkAllPredictions("condot");
    }

    @Test
    @Order(2)
    void everyPredictionOnCosineMatchesTheJvmWithRk4() throws Exception {
        page.open(server.baseUrl() + "#samples=200&solver=rk4&sampleSteps=10&noiseSeed=11");
        checkAllPredictions("cosine");
    }

    @Test
    @Order(3)
    void aMalformedOrMaskConditionedFileShowsWhyAndNoPageError() throws Exception {
        page.open(server.baseUrl() + "#samples=64");
        byte[] bytes = "this is not a safetensors file".getBytes(StandardCharsets.UTF_8);
        String expected;
        try {
            Checkpoint.fromBytes(bytes);
            throw new AssertionError("the JVM accepted a malformed file");
        } catch (CheckpointFormatException e) {
            expected = e.getMessage();
        }
        Path file = dir.resolve("broken.safetensors");
        Files.write(file, bytes);
        long draws = page.stats().draws();
        browser.byId("checkpoint-file").sendKeys(file.toAbsolutePath().toString());
        browser.waitUntil("#load-message[data-state] is 'error'", PlaygroundPage.DRAW_TIMEOUT,
                () -> "error".equals(browser.attribute("load-message", "data-state")));
        browser.screenshot("malformed-file");
        String text = browser.text("load-message");
        assertTrue(text.contains("broken.safetensors") && text.contains(expected),
                "#load-message must name the file and say what is wrong ('" + expected + "'), was '" + text + "'");
        assertEquals(draws, page.stats().draws(), "nothing is drawn for a malformed file");
        browser.assertNoPageError();

        // A well-formed inpainting checkpoint (input concat(x, mask, t)) is drawn with nothing observed, and the page says so.
        Path masked = dir.resolve("inpainting.safetensors");
        Files.write(masked, Checkpoint.of(Mlp.init(new int[] {5, 16, 2}, Activation.ELU, new Rng(3)), new CondOt(), Prediction.VELOCITY,
                Map.of()).toBytes());
        browser.byId("checkpoint-file").sendKeys(masked.toAbsolutePath().toString());
        browser.waitUntil("#load-message names the inpainting checkpoint", PlaygroundPage.DRAW_TIMEOUT,
                () -> browser.text("load-message").contains("inpainting.safetensors"));
        assertEquals("loaded", browser.attribute("load-message", "data-state"));
        assertTrue(browser.text("load-message").contains("draws it with nothing observed (mask 0)"), browser.text("load-message"));
        browser.waitUntil("the inpainting model is drawn", PlaygroundPage.DRAW_TIMEOUT, () -> page.stats().draws() > draws);
        browser.assertNoPageError();
    }

    private void checkAllPredictions(String schedulerName) throws Exception {
        Scheduler scheduler = Schedulers.byName(schedulerName);
        String solver = browser.value("solver");
        int steps = Integer.parseInt(browser.value("sampleSteps"));
        int n = Integer.parseInt(browser.value("samples"));
        long noiseSeed = Long.parseLong(browser.value("noiseSeed"));
        long seed = 100;
        Map<Prediction, String> grids = new EnumMap<>(Prediction.class);
        for (Prediction prediction : Prediction.values()) {
            Checkpoint checkpoint = Checkpoint.of(Mlp.init(SIZES, Activation.ELU, new Rng(seed++)), scheduler, prediction,
                    Map.of(Checkpoint.KEY_STEP, "42"));
            String name = schedulerName + "-" + prediction.id() + ".safetensors";
            Path file = dir.resolve(name);
            Files.write(file, checkpoint.toBytes());

            long before = page.stats().draws();
            browser.byId("checkpoint-file").sendKeys(file.toAbsolutePath().toString());
            browser.waitUntil("#stats shows a drawing of " + name, PlaygroundPage.DRAW_TIMEOUT, () -> {
                String model = browser.attribute("stats", "data-model");
                return page.stats().draws() > before && model != null && model.startsWith(name);
            });
            PlaygroundPage.Stats s = page.stats();
            browser.screenshot(name);
            float[] pageSamples = page.exportedSamples(s.draws());
            grids.put(prediction, s.raw().get("data-grid"));

            PredictionField field = Checkpoint.fromBytes(checkpoint.toBytes()).velocityField();
            SamplingPlan plan = SamplingPlan.of(field, null, false, EPS);
            TimeGrid grid = plan.grid(steps);
            double[] safe = {plan.lo(), plan.hi()};
            float[] x = new float[n * 2];
            new Rng(noiseSeed).fillGaussian(x, 0, x.length);
            int nfe = Sampler.run(field, Solvers.byName(solver, SolverParams.defaults()), x, n, grid, null).nfe();

            String where = schedulerName + "/" + prediction.id() + " " + solver + " " + steps + " steps; " + s;
            assertEquals(label(safe), s.raw().get("data-grid"), "the page's time grid; " + where);
            assertTrue(s.raw().get("data-model").contains(schedulerName + " · " + prediction.id()), "which model is drawn; " + where);
            assertEquals(nfe, s.nfe(), "NFE; " + where);
            assertEquals(x.length, pageSamples.length, "exported values; " + where);
            double max = 0;
            double maxScaled = 0;
            double largest = 0;
            for (int i = 0; i < x.length; i++) {
                assertTrue(Float.isFinite(pageSamples[i]), "sample value " + i + " is not finite; " + where);
                double diff = Math.abs(pageSamples[i] - x[i]);
                max = Math.max(max, diff);
                maxScaled = Math.max(maxScaled, diff / Math.max(1, Math.abs(x[i])));
                largest = Math.max(largest, Math.abs(x[i]));
            }
            measured.add(String.format("%s/%s %s %d steps, grid %s: max |page - JVM| = %.3g, max |page - JVM|/max(1,|JVM|) = %.3g,"
                    + " max |JVM| = %.3g", schedulerName, prediction.id(), solver, steps, label(safe), max, maxScaled, largest));
            assertTrue(maxScaled <= TOLERANCE, "max |page − JVM| / max(1, |JVM|) = " + maxScaled + " > " + TOLERANCE
                    + " (max |page − JVM| = " + max + ", max |JVM| = " + largest + "); " + where);
        }
        // The cases this test exists for, from the formulas: x0 prediction divides by α_t (0 at t=0 on both paths),
        // x1 prediction by σ_t (0 at t=1); a velocity network needs no clipping.
        assertEquals("0..1", grids.get(Prediction.VELOCITY), "velocity prediction grid on " + schedulerName);
        assertEquals("0.001..1", grids.get(Prediction.X0), "x0 prediction grid on " + schedulerName);
        assertEquals("0..0.999", grids.get(Prediction.X1), "x1 prediction grid on " + schedulerName);
        browser.assertNoPageError();
    }

    private static String label(double[] safe) {
        return end(safe[0]) + ".." + end(safe[1]);
    }

    private static String end(double t) {
        return t == 0 ? "0" : t == 1 ? "1" : Double.toString(t);
    }
}
