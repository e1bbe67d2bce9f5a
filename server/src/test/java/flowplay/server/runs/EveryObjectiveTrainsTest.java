package flowplay.server.runs;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.coupling.Couplings;
import flowplay.core.data.Datasets;
import flowplay.core.model.PredictionField;
import flowplay.core.path.Schedulers;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import flowplay.server.engine.Engine;
import flowplay.server.engine.JavaEngine;
import flowplay.server.engine.Nd4jEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every scheduler × prediction × coupling the table offers goes through the real training loop and gives a usable model. */
class EveryObjectiveTrainsTest {
    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (String scheduler : Schedulers.names()) {
            for (String prediction : Prediction.ids()) {
                for (String coupling : Couplings.names()) {
                    if (!prediction.equals("score") || coupling.equals("independent")) {
                        all.add(Arguments.of(scheduler, prediction, coupling));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void trainsAndSamples(String scheduler, String prediction, String coupling) {
        Map<String, String> raw = new LinkedHashMap<>(Map.of("scheduler", scheduler, "prediction", prediction, "coupling", coupling,
                "steps", "60", "batch", "64", "width", "24", "checkpointEvery", "60"));
        raw.put("lossWeight", prediction.equals("score") ? "sigma2" : "velocity");
        Result r = train(raw, new JavaEngine());
        assertTrue(r.losses.stream().allMatch(Double::isFinite), r.losses.toString());
        Checkpoint read = Checkpoint.fromBytes(r.bytes);
        assertEquals(prediction, read.prediction().id());
        assertEquals(scheduler, read.scheduler().name());
        PredictionField field = read.velocityField();
        int n = 64;
        if (field.conditionDim() > 0) {
            field.condition(new float[n * field.conditionDim()]); // all unobserved: plain generation
        }
        float[] x = new float[n * 2];
        new Rng(1).fillGaussian(x, 0, x.length);
        double[] times = field.safeTimes(1e-3);
        SolveResult result = Sampler.run(field, Solvers.byName("heun", SolverParams.defaults()), x, n,
                TimeGrid.uniform(times[0], times[1], 8), null);
        for (float v : x) {
            assertTrue(Float.isFinite(v), "samples finite");
        }
        assertTrue(result.nfe() > 0);
    }

    /**
     * Each prediction's own (weighted) loss falls over a short run: the mean of the last ~50 steps against the loss of the
     * untrained network on the first batch (a 1-step run of the same seed sees the same batch).
     */
    @Test
    void everyPredictionsLossFalls() {
        for (String prediction : Prediction.ids()) {
            Map<String, String> raw = new LinkedHashMap<>(Map.of("prediction", prediction, "steps", "600", "checkpointEvery", "600"));
            if (prediction.equals("score")) {
                raw.put("lossWeight", "sigma2");
            }
            List<Double> losses = train(raw, new JavaEngine()).losses;
            raw.put("steps", "1");
            double first = train(raw, new JavaEngine()).losses.get(0);
            double last = mean(losses.subList(losses.size() - 5, losses.size()));
            assertTrue(last < 0.7 * first, prediction + ": loss " + first + " -> " + last);
        }
    }

    /** Same settings and seed, same checkpoint bytes — with every option that draws random numbers or changes the step on. */
    @Test
    void sameSeedSameBytesOnEachEngine() {
        Map<String, String> raw = Map.of("scheduler", "vp", "prediction", "x0", "lossWeight", "velocity", "coupling", "sinkhorn",
                "timeSampling", "logit-normal", "timeInput", "fourier", "lrSchedule", "cosine", "ema", "0.99", "steps", "80",
                "checkpointEvery", "80");
        for (Engine engine : List.of(new JavaEngine(), new Nd4jEngine())) {
            byte[] a = train(raw, engine).bytes;
            byte[] b = train(raw, engine).bytes;
            assertArrayEquals(a, b, engine.name());
            Map<String, String> otherSeed = new LinkedHashMap<>(raw);
            otherSeed.put("seed", "1");
            assertTrue(!Arrays.equals(a, train(otherSeed, engine).bytes), "another seed, another model");
        }
    }

    private record Result(List<Double> losses, byte[] bytes) {
    }

    private static Result train(Map<String, String> raw, Engine engine) {
        TrainConfig config = TrainConfig.from(Settings.parse(Settings.TRAIN, raw));
        List<Double> losses = new ArrayList<>();
        byte[][] last = {null};
        TrainingListener listener = new TrainingListener() {
            @Override
            public void progress(Progress progress) {
                losses.add(progress.loss());
            }

            @Override
            public void checkpoint(Checkpoint checkpoint, byte[] bytes) {
                last[0] = bytes;
            }
        };
        new TrainingLoop(config, Datasets.byName(config.dataset()), raw, engine, listener).run(() -> false);
        return new Result(losses, last[0]);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
