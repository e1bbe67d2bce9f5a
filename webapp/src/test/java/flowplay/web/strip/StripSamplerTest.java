package flowplay.web.strip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.metrics.EnergyDistance;
import flowplay.core.metrics.SlicedWasserstein;
import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.sampling.SamplingPlan;
import flowplay.core.settings.Settings;
import flowplay.web.sampling.SamplingGrid;
import flowplay.core.solver.FixedGrid;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripSamplerTest {
    private static final int N = 300;
    private final PredictionField field = Checkpoint.of(Mlp.init(new int[] {3, 16, 2}, Activation.ELU, new Rng(3)), new CondOt(),
            Prediction.VELOCITY, Map.of()).velocityField();
    private final float[] noise = gaussian(N, 1);
    private final float[] reference = gaussian(200, 2);

    @Test
    void aPanelIsTheSamplersResultOnTheSharedNoiseAndItsDistance() {
        StripSampler s = new StripSampler();
        for (int steps : new int[] {1, 4, 32}) {
            StripSampler.Panel p = s.run(field, config("heun"), steps, noise, N, reference, 200, StripSampler.ENERGY);
            float[] x = noise.clone();
            Sampler.run(field, new FixedGrid(Solvers.byName("heun")), x, N, TimeGrid.uniform(0, 1, steps), null);
            float[] got = new float[2 * N];
            System.arraycopy(s.samples(), 0, got, 0, got.length);
            assertArrayEquals(x, got, "steps " + steps);
            assertEquals(2 * steps, p.nfe());
            assertEquals(EnergyDistance.of(x, N, reference, 200, 2), p.metric(), 1e-12);
        }
        assertArrayEquals(gaussian(N, 1), noise, "the shared noise is never written");
    }

    @Test
    void theMetricIsTheChosenOneAndNaNForDivergedSamples() {
        assertEquals(SlicedWasserstein.squared(noise, N, reference, 200, 2),
                StripSampler.distance(StripSampler.SLICED_W2, noise, N, reference, 200), 1e-12);
        assertEquals(0.0, StripSampler.distance(StripSampler.ENERGY, reference, 200, reference, 200), 1e-12);
        float[] bad = noise.clone();
        bad[7] = Float.NaN;
        assertTrue(Double.isNaN(StripSampler.distance(StripSampler.ENERGY, bad, N, reference, 200)));
        assertTrue(Double.isNaN(StripSampler.distance(StripSampler.ENERGY, noise, N, reference, 0)));
    }

    @Test
    void aWorkerGivenTheReferenceTermMeasuresExactlyWhatThePageWould() {
        StripSampler s = new StripSampler();
        double yy = s.referenceWithin(StripSampler.ENERGY, noise, N, reference, 200);
        assertEquals(s.measure(StripSampler.ENERGY, noise, N, reference, 200), EnergyDistance.of(noise, N, reference, 200, 2, yy), 0,
                "the expression a worker evaluates is the page's, bit for bit");
        assertEquals(EnergyDistance.of(noise, N, reference, 200, 2), EnergyDistance.of(noise, N, reference, 200, 2, yy), 0);
        float[] bad = noise.clone();
        bad[3] = Float.POSITIVE_INFINITY;
        assertTrue(Double.isNaN(s.referenceWithin(StripSampler.ENERGY, bad, N, reference, 200)), "diverged: the page says NaN itself");
        assertTrue(Double.isNaN(s.referenceWithin(StripSampler.SLICED_W2, noise, N, reference, 200)), "sliced W2 stays on the page");
        assertTrue(Double.isNaN(s.referenceWithin(StripSampler.ENERGY, noise, N, reference, 0)), "no reference yet");
    }

    @Test
    void dopri5ChoosesItsOwnEvaluations() {
        StripSampler.Panel p = new StripSampler().run(field, config("dopri5"), 1, noise, N, reference, 200, StripSampler.ENERGY);
        assertTrue(p.nfe() >= 6 && Double.isFinite(p.metric()), "nfe " + p.nfe() + ", metric " + p.metric());
    }

    @Test
    void theStochasticSamplerAndTheScheduleChangeFollowTheSettings() {
        StripSampler s = new StripSampler();
        SampleConfig em = SampleConfig.from(Settings.parse(Settings.SAMPLE, Map.of("solver", "em", "sampleNoise", "0.5")));
        double first = s.run(field, em, 8, noise, N, reference, 200, StripSampler.ENERGY).metric();
        assertEquals(first, s.run(field, em, 8, noise, N, reference, 200, StripSampler.ENERGY).metric(), 0,
                "em's noise starts again from its seed for every panel");
        SampleConfig euler = config("euler");
        assertTrue(first != s.run(field, euler, 8, noise, N, reference, 200, StripSampler.ENERGY).metric(), "g = 0.5 is not Euler");

        SampleConfig cosine = SampleConfig.from(Settings.parse(Settings.SAMPLE, Map.of("solver", "heun", "sampleSchedule", "cosine")));
        s.run(field, cosine, 8, noise, N, reference, 200, StripSampler.ENERGY);
        float[] x = noise.clone();
        SamplingPlan plan = cosine.plan(field, SamplingGrid.EPS);
        Sampler.run(plan.field(), cosine.integrator(), x, N, plan.grid(8), null);
        float[] got = new float[2 * N];
        System.arraycopy(s.samples(), 0, got, 0, got.length);
        assertArrayEquals(x, got, "the panel integrates the schedule change");
    }

    private static SampleConfig config(String solver) {
        return SampleConfig.from(Settings.parse(Settings.SAMPLE, Map.of("solver", solver)));
    }

    private static float[] gaussian(int n, long seed) {
        float[] p = new float[2 * n];
        new Rng(seed).fillGaussian(p, 0, p.length);
        return p;
    }
}
