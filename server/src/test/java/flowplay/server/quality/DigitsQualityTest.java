package flowplay.server.quality;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.DigitImages;
import flowplay.core.data.Digits;
import flowplay.core.model.ConditionalField;
import flowplay.core.rng.Rng;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import flowplay.server.data.DigitsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's "done when" for class-conditional digits, on a model trained here with the README's recipe
 * ({@link DigitRecipe}): samples under guidance are recognised as their class by a nearest-neighbour classifier on the
 * training digits, and unconditional samples (label ∅) are not copies of training digits. Samples: heun, 32 steps.
 * Inpainting is {@link DigitsInpaintingTest}.
 */
class DigitsQualityTest {
    private static final int STEPS = 32;
    private static final int SAMPLES = 500;
    private static Digits digits;
    private static NearestDigits training;
    private static Checkpoint classModel;

    @BeforeAll
    static void train() {
        digits = DigitsFile.shipped();
        training = new NearestDigits(digits, DigitImages.TRAIN_COUNT);
        classModel = DigitRecipe.train(Map.of());
    }

    /** n samples of the class model from seeded noise; labels null asks for ∅ (unconditional). */
    private static float[] sample(int[] labels, int n, double w, long seed) {
        float[] x = new float[n * Digits.PIXELS];
        new Rng(seed).fillGaussian(x, 0, x.length);
        ConditionalField field = new ConditionalField(classModel.velocityField(), classModel.model().condition());
        field.labels(labels, w);
        Sampler.run(field, Solvers.byName("heun", SolverParams.defaults()), x, n, TimeGrid.sampling(STEPS), null);
        return x;
    }

    private static int heldOut() {
        return digits.size() - DigitImages.TRAIN_COUNT;
    }

    @Test
    void guidedClassSamplesAreRecognisedAsTheirClass() {
        assertEquals("classes(10)", classModel.model().condition().id());
        int right = 0;
        for (int i = DigitImages.TRAIN_COUNT; i < digits.size(); i++) {
            right += training.classify(digits.image(i), 0) == digits.label(i) ? 1 : 0;
        }
        double heldOutAccuracy = right / (double) heldOut();

        int[] labels = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            labels[i] = i % Digits.CLASSES;
        }
        double[] accuracy = new double[2];
        int[] perClassRight = new int[Digits.CLASSES];
        for (int w = 0; w <= 1; w++) {
            float[] x = sample(labels, SAMPLES, w, 7);
            int ok = 0;
            for (int i = 0; i < SAMPLES; i++) {
                boolean hit = training.classify(x, i * Digits.PIXELS) == labels[i];
                ok += hit ? 1 : 0;
                if (w == 1 && hit) {
                    perClassRight[labels[i]]++;
                }
            }
            accuracy[w] = ok / (double) SAMPLES;
        }
        String report = String.format(Locale.ROOT, "%d-NN on the %d held-out digits %.1f%%; %d samples (heun %d, %d training steps) of "
                + "the intended class: w=0 %.1f%%, w=1 %.1f%%; per class at w=1 (of %d) %s", NearestDigits.K, heldOut(), 100 * heldOutAccuracy,
                SAMPLES, STEPS, DigitRecipe.STEPS, 100 * accuracy[0], 100 * accuracy[1], SAMPLES / Digits.CLASSES,
                Arrays.toString(perClassRight));
        System.out.println("DigitsQualityTest classes: " + report);
        // The held-out digits are fixed, so this checks the classifier's code, not luck: a broken one scores near 10%.
        assertTrue(heldOutAccuracy >= 0.93, "the classifier itself: " + report);
        assertTrue(accuracy[1] >= 0.80, report);
    }

    @Test
    void unconditionalSamplesAreNotCopiesOfTrainingDigits() {
        float[] x = sample(null, SAMPLES, 0, 11);
        int copies = 0;
        double sampleDistance = 0;
        for (int i = 0; i < SAMPLES; i++) {
            copies += training.isCopy(x, i * Digits.PIXELS) ? 1 : 0;
            sampleDistance += training.nearestDistance(x, i * Digits.PIXELS) / SAMPLES;
        }
        double realDistance = 0;
        int copiesAmongReal = 0;
        for (int i = DigitImages.TRAIN_COUNT; i < digits.size(); i++) {
            realDistance += training.nearestDistance(digits.image(i), 0) / heldOut();
            copiesAmongReal += training.isCopy(digits.image(i), 0) ? 1 : 0;
        }
        String report = String.format(Locale.ROOT, "%d unconditional samples (label ∅): %d exact copies of a training digit at 17 levels; "
                        + "mean distance to the nearest training digit %.3f, held-out real digits' %.3f (ratio %.2f; %d of %d held-out digits "
                        + "are exact copies)", SAMPLES, copies, sampleDistance, realDistance, sampleDistance / realDistance, copiesAmongReal,
                heldOut());
        System.out.println("DigitsQualityTest memorisation: " + report);
        assertEquals(0, copies, report);
        assertTrue(sampleDistance >= 0.7 * realDistance, "samples sit much closer to training digits than new real digits do: " + report);
    }
}
