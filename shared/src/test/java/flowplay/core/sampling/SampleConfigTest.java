package flowplay.core.sampling;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.path.AffinePath;
import flowplay.core.path.ScheduleTransform;
import flowplay.core.path.Schedulers;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.settings.SettingException;
import flowplay.core.settings.Settings;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.TimeGrid;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleConfigTest {
    private static SampleConfig config(Map<String, String> raw) {
        return SampleConfig.from(Settings.parse(Settings.SAMPLE, raw));
    }

    private static PredictionField field(String scheduler, Prediction prediction) {
        Mlp mlp = Mlp.init(new int[] {3, 16, 2}, Activation.ELU, new Rng(4));
        return new PredictionField(mlp, prediction, new AffinePath(Schedulers.byName(scheduler)));
    }

    @Test
    void defaultsAreHeunOnTheTrainedSchedule() {
        SampleConfig c = config(Map.of());
        assertEquals("heun", c.solver());
        assertNull(c.schedule());
        assertFalse(c.stochastic());
        assertEquals(16, c.steps());
    }

    @Test
    void noiseOnlyCountsForEm() {
        assertEquals(0, config(Map.of("solver", "heun", "sampleNoise", "0.5")).noise());
        assertTrue(config(Map.of("solver", "em", "sampleNoise", "0.5")).stochastic());
    }

    @Test
    void stochasticSamplingWithAScheduleChangeIsRefusedNamingTheSchedule() {
        SettingException e = assertThrows(SettingException.class,
                () -> config(Map.of("solver", "em", "sampleNoise", "0.5", "sampleSchedule", "cosine")));
        assertEquals("sampleSchedule", e.field());
        assertTrue(e.getMessage().contains("score"), e.getMessage());
        // g = 0 is the ODE: nothing needs the score.
        assertEquals("cosine", config(Map.of("solver", "em", "sampleNoise", "0", "sampleSchedule", "cosine")).schedule().name());
    }

    @Test
    void outOfRangeValuesNameTheirField() {
        assertEquals("sampleNoise", assertThrows(SettingException.class, () -> config(Map.of("sampleNoise", "-1"))).field());
        assertEquals("sampleNoise", assertThrows(SettingException.class, () -> config(Map.of("sampleNoise", "NaN"))).field());
        assertEquals("rtol", assertThrows(SettingException.class, () -> config(Map.of("rtol", "0"))).field());
        assertEquals("sampleSchedule", assertThrows(SettingException.class, () -> config(Map.of("sampleSchedule", "sigmoid"))).field());
    }

    @Test
    void sameSettingsSameStochasticSamples() {
        SampleConfig c = config(Map.of("solver", "em", "sampleNoise", "0.7", "sampleSteps", "10"));
        PredictionField f = field("condot", Prediction.VELOCITY);
        float[] a = new float[40];
        new Rng(1).fillGaussian(a, 0, 40);
        float[] b = a.clone();
        SamplingPlan plan = c.plan(f, SamplingPlan.DEFAULT_EPS);
        Sampler.run(plan.field(), c.integrator(), a, 20, plan.grid(10), null);
        Sampler.run(plan.field(), c.integrator(), b, 20, plan.grid(10), null);
        assertArrayEquals(a, b, 0f);
    }

    @Test
    void theSolveKeyNamesWhatChangesTheResult() {
        String heun = config(Map.of()).solveKey();
        assertEquals(heun, config(Map.of("sampleSteps", "99", "samples", "7")).solveKey());
        assertNotEquals(heun, config(Map.of("solver", "rk4")).solveKey());
        assertNotEquals(heun, config(Map.of("sampleSchedule", "vp")).solveKey());
        assertNotEquals(config(Map.of("solver", "em", "sampleNoise", "0.1")).solveKey(),
                config(Map.of("solver", "em", "sampleNoise", "0.2")).solveKey());
    }

    @Test
    void plansClipWhereTheFieldIsSingularAndFollowAScheduleChange() {
        SamplingPlan plain = config(Map.of()).plan(field("condot", Prediction.VELOCITY), SamplingPlan.DEFAULT_EPS);
        assertFalse(plain.clipped());
        assertEquals(TimeGrid.sampling(8).end(), plain.grid(8).end());

        SamplingPlan x0 = config(Map.of()).plan(field("condot", Prediction.X0), SamplingPlan.DEFAULT_EPS);
        assertTrue(x0.clipped() && x0.lo() > 0, "x0 on condot is singular at t=0: " + x0);
        assertTrue(x0.grid(8).start() >= x0.lo(), "the grid starts inside the finite interval");

        SamplingPlan changed = config(Map.of("sampleSchedule", "cosine")).plan(field("condot", Prediction.VELOCITY), SamplingPlan.DEFAULT_EPS);
        assertTrue(changed.field() instanceof ScheduleTransform);
        assertTrue(changed.hi() < 1 && changed.reason().contains("schedule change"), changed.reason());
    }
}
