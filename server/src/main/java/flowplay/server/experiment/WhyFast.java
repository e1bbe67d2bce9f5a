package flowplay.server.experiment;

import flowplay.core.data.Dataset;
import flowplay.core.metrics.EnergyDistance;
import flowplay.core.rng.Rng;
import flowplay.server.data.TrainingData;
import flowplay.server.engine.Engine;
import flowplay.server.runs.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the experiment: one job per data set × seed × recipe (train, save the checkpoint, sweep), {@code threads} jobs
 * at a time. Each job owns its random streams, so the results do not depend on the thread count or the order jobs end.
 */
public final class WhyFast {
    private WhyFast() {
    }

    public static WhyFastResults run(WhyFastConfig c, Engine engine, PrintStream log) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path checkpoints = Files.createDirectories(c.out().resolve("checkpoints"));
        int jobs = c.datasets().size() * c.seeds().length * Recipe.ALL.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(c.threads());
        List<Future<NfeSweep.Result>> futures = new ArrayList<>();
        Map<String, float[]> data = new LinkedHashMap<>();
        try {
            for (String dataset : c.datasets()) {
                Dataset d = TrainingData.of(dataset, null).dataset();
                for (long seed : c.seeds()) {
                    float[] reference = draw(d, c.samples(), WhyFastConfig.DATA_SEED + seed);
                    float[] other = draw(d, c.samples(), WhyFastConfig.FLOOR_SEED + seed);
                    double floor = EnergyDistance.of(other, c.samples(), reference, c.samples(), d.dim());
                    data.putIfAbsent(dataset, reference);
                    NfeSweep sweep = new NfeSweep(reference, c.samples(), d.dim(), c.noise());
                    for (Recipe recipe : Recipe.ALL) {
                        futures.add(pool.submit(() -> {
                            ModelTraining.Trained trained = ModelTraining.train(recipe, dataset, c.stepsTrain(), seed, engine);
                            AtomicFiles.write(checkpoints.resolve(fileName(dataset, recipe, seed)), trained.bytes());
                            NfeSweep.Result r = sweep.run(dataset, recipe, seed, trained, floor);
                            ModelStats s = r.stats();
                            log.println(String.format(Locale.ROOT, "[%d/%d] %s %s seed %d: trained in %.1f s (loss %.3f); dopri5 NFE %d,"
                                    + " straightness %.3f, energy distance %.4f (floor %.4f)", done.incrementAndGet(), jobs, dataset,
                                    recipe.id(), seed, s.trainSeconds(), s.finalLoss(), s.referenceNfe(), s.straightness(), s.energy(), floor));
                            return r;
                        }));
                    }
                }
            }
            List<SweepPoint> points = new ArrayList<>();
            List<ModelStats> models = new ArrayList<>();
            Map<String, float[]> grid = new LinkedHashMap<>();
            long firstSeed = c.seeds()[0];
            for (Future<NfeSweep.Result> f : futures) {
                NfeSweep.Result r = f.get();
                points.addAll(r.points());
                models.add(r.stats());
                if (r.stats().seed() == firstSeed) {
                    r.gridSamples().forEach((key, samples) -> grid.put(r.stats().dataset() + "/" + r.stats().model() + "/" + key, samples));
                }
            }
            return new WhyFastResults(c, points, models, grid, data, engine.name(), (System.nanoTime() - start) / 1e9);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The checkpoint file of one model, e.g. {@code moons-fm-ot-seed0.safetensors}. */
    public static String fileName(String dataset, Recipe recipe, long seed) {
        return dataset + "-" + recipe.id() + "-seed" + seed + ".safetensors";
    }

    private static float[] draw(Dataset d, int n, long seed) {
        float[] x = new float[n * d.dim()];
        d.sample(new Rng(seed), n, x);
        return x;
    }
}
