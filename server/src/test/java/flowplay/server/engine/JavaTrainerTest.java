package flowplay.server.engine;

import flowplay.core.data.Dataset;
import flowplay.core.data.Datasets;
import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.model.NetworkInput;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.scheduler.Vp;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.training.EmaDecay;
import flowplay.core.training.LossWeight;
import flowplay.core.training.LrSchedule;
import flowplay.core.training.Objective;
import flowplay.core.training.TimeSampler;
import flowplay.core.training.TrainingBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static flowplay.server.engine.TrainerChecks.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaTrainerTest {

    private static List<Kernels> allKernels() {
        List<Kernels> list = new ArrayList<>();
        list.add(new ScalarKernels());
        Kernels vector = Kernels.vectorOrNull();
        assertNotNull(vector, "the tests run with --add-modules jdk.incubator.vector: the vector kernels must load");
        list.add(vector);
        return list;
    }

    @Test
    void vectorKernelsAreSelectedWhenTheModuleIsPresent() {
        assertEquals("vector", Kernels.best().name());
        assertEquals("vector", new JavaTrainer(Mlp.init(new int[] {3, 4, 2}, Activation.ELU, new Rng(1)), 4).kernel());
    }

    /** A JVM started without the module must fall back to the scalar kernels without touching the vector class. */
    @Test
    void scalarFallbackWithoutTheModule() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Kernels.class.getName())
                .redirectErrorStream(true);
        Process process = pb.start();
        String output;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = in.readLine();
        }
        assertEquals(0, process.waitFor());
        assertEquals("scalar", output);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardEqualsSharedMlpAfterTraining(Activation activation) {
        for (Kernels kernels : allKernels()) {
            int[] sizes = {3, 40, 37, 2};
            int n = 33;
            Rng rng = new Rng(7);
            JavaTrainer trainer = new JavaTrainer(Mlp.init(sizes, activation, rng), n, kernels);
            for (int i = 0; i < 5; i++) {
                trainer.step(gaussian(rng, n * 3), gaussian(rng, n * 2), null, 0.01);
            }
            float[] input = gaussian(rng, n * 3);
            float[] got = trainer.predict(input);
            float[] shared = new float[n * 2];
            trainer.snapshot().forward(input, n, shared);
            for (int i = 0; i < shared.length; i++) {
                assertEquals(shared[i], got[i], 1e-5, kernels.name() + " " + activation + " output " + i);
            }
        }
    }

    /** The backward pass against central differences of the double-precision reference loss, on both kernels. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientMatchesFiniteDifferences(Activation activation) {
        for (Kernels kernels : allKernels()) {
            // Widths over one vector and with tails, so that the vector kernels' blocked and tail paths all run.
            int n = 7;
            Rng rng = new Rng(3);
            Mlp init = Mlp.init(new int[] {3, 37, 21, 2}, activation, rng);
            float[] input = gaussian(rng, n * 3);
            float[] target = gaussian(rng, n * 2);
            TrainerChecks.assertGradientMatchesFiniteDifferences(new JavaTrainer(init, n, kernels), init, input, target, n,
                    kernels.name() + " " + activation.id());
        }
    }

    @Test
    void adamMatchesTorchFormula() {
        for (Kernels kernels : allKernels()) {
            int n = 16;
            double lr = 0.01;
            Rng rng = new Rng(11);
            Mlp init = Mlp.init(new int[] {3, 40, 2}, Activation.ELU, rng);
            TrainerChecks.assertAdamMatchesTorch(new JavaTrainer(init, n, kernels), init, n, lr, rng, kernels.name());
        }
    }

    /** The scalar and vector kernels train the same net to the same weights. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void scalarAndVectorKernelsAgree(Activation activation) {
        List<Kernels> kernels = allKernels();
        int[] sizes = {3, 64, 64, 64, 2};
        Mlp init = Mlp.init(sizes, activation, new Rng(5));
        List<float[][]> batches = moonsBatches(20, 64, 9);
        JavaTrainer scalar = new JavaTrainer(init, 64, kernels.get(0));
        JavaTrainer vector = new JavaTrainer(init, 64, kernels.get(1));
        for (float[][] b : batches) {
            scalar.step(b[0], b[1], null, 1e-3);
            vector.step(b[0], b[1], null, 1e-3);
        }
        assertClose(vector.snapshot(), scalar.snapshot(), 1e-4, activation + " vector vs scalar");
    }

    /**
     * The engines check each other: ND4J and Java from the same initial weights on the same 50 moons batches (the
     * seed's recipe: batch 256, 3-H-H-H-2, Adam 1e-2) end with equal parameters, within 1e-4 relative per tensor.
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void javaAndNd4jEnginesAgreeAfter50Steps(Activation activation) {
        int[] sizes = {3, 64, 64, 64, 2};
        Mlp init = Mlp.init(sizes, activation, new Rng(0));
        List<float[][]> batches = moonsBatches(50, 256, 1);
        Nd4jTrainer nd4j = new Nd4jTrainer(init, 256);
        for (float[][] b : batches) {
            nd4j.step(b[0], b[1], null, 1e-2);
        }
        for (Kernels kernels : allKernels()) {
            JavaTrainer java = new JavaTrainer(init, 256, kernels);
            for (float[][] b : batches) {
                java.step(b[0], b[1], null, 1e-2);
            }
            assertClose(java.snapshot(), nd4j.snapshot(), 1e-4, activation + " java (" + kernels.name() + ") vs nd4j");
        }
    }

    /**
     * The engines also agree on everything around the plain step: row weights (x0 prediction on vp, weighted as a
     * velocity), Fourier time inputs, a mask-conditioned input (dependent coupling), a cosine learning rate and the EMA.
     */
    @Test
    void javaAndNd4jEnginesAgreeOnWeightedScheduledEmaTraining() {
        Objective objective = new Objective(new Vp(0.1, 20), Prediction.X0, LossWeight.VELOCITY, "dependent", Map.of("keep", "0.5"),
                new TimeSampler(TimeSampler.LOGIT_NORMAL, 0.0, 1.0));
        NetworkInput layout = new NetworkInput(2, 2, TimeEmbedding.fourier(3));
        int[] sizes = {layout.width(), 48, 48, 2};
        Mlp init = Mlp.init(sizes, Activation.SILU, new Rng(4));
        List<float[][]> batches = batches(objective, layout, 50, 128, 6);
        List<Trainer> trainers = List.of(new Nd4jTrainer(init, 128), new JavaTrainer(init, 128, new ScalarKernels()), new JavaTrainer(init, 128));
        for (Trainer trainer : trainers) {
            for (int s = 1; s <= batches.size(); s++) {
                float[][] b = batches.get(s - 1);
                trainer.step(b[0], b[1], b[2], LrSchedule.COSINE.at(1e-2, s, batches.size()));
                trainer.updateEma(EmaDecay.at(0.99, s));
            }
        }
        for (Trainer java : trainers.subList(1, 3)) {
            assertClose(java.snapshot(), trainers.get(0).snapshot(), 1e-4, "java vs nd4j weights");
            assertClose(java.emaSnapshot(), trainers.get(0).emaSnapshot(), 1e-4, "java vs nd4j EMA");
        }
    }

    @Test
    void emaMatchesFormula() {
        Mlp init = Mlp.init(new int[] {3, 9, 2}, Activation.TANH, new Rng(2));
        TrainerChecks.assertEmaMatchesFormula(new JavaTrainer(init, 8), init, 8, new Rng(3), "java");
        TrainerChecks.assertEmaMatchesFormula(new Nd4jTrainer(init, 8), init, 8, new Rng(3), "nd4j");
    }

    @Test
    void lossFallsOnMoons() {
        MoonsTraining.assertLossFalls(new JavaEngine());
    }

    /** Flow-matching batches on moons as the training loop builds them (the seed's recipe): {input n×3, target n×2}. */
    static List<float[][]> moonsBatches(int count, int n, long seed) {
        return batches(Objective.condotVelocity(), new NetworkInput(2, 0, TimeEmbedding.LINEAR), count, n, seed);
    }

    /** Batches of any objective on moons, copied out of {@link TrainingBatch}: {input, target, weights or null}. */
    static List<float[][]> batches(Objective objective, NetworkInput layout, int count, int n, long seed) {
        Dataset data = Datasets.byName("moons");
        TrainingBatch batch = new TrainingBatch(objective, layout, n);
        Rng rng = new Rng(seed);
        List<float[][]> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            batch.draw(data, rng);
            out.add(new float[][] {batch.input().clone(), batch.target().clone(), batch.weights() == null ? null : batch.weights().clone()});
        }
        return out;
    }

    /** Per tensor: max |a − b| / max |b| ≤ tol. */
    static void assertClose(Mlp a, Mlp b, double tol, String what) {
        for (int k = 0; k < b.layers(); k++) {
            assertTensor(a.weights()[k], b.weights()[k], tol, what + " W" + k);
            assertTensor(a.biases()[k], b.biases()[k], tol, what + " b" + k);
        }
    }

    private static void assertTensor(float[] a, float[] b, double tol, String what) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < b.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        double rel = diff / Math.max(scale, 1e-30);
        if (System.getenv("PARITY_DEBUG") != null) System.out.println(what + " " + rel);
        assertTrue(rel <= tol, what + ": relative difference " + rel + " > " + tol);
    }
}
