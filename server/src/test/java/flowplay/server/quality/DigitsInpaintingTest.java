package flowplay.server.quality;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.DigitImages;
import flowplay.core.data.Digits;
import flowplay.core.model.ConditionalField;
import flowplay.core.rng.Rng;
import flowplay.core.sampling.Inpainting;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import flowplay.server.data.DigitsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's "done when" for inpainting, on the README's recipe with {@code --conditioning none --coupling dependent}
 * trained here: the 297 held-out digits, each with a box, a half or scattered pixels hidden, are completed from
 * x0 = m⊙x1 + (1−m)⊙noise through {@link ConditionalField#observe}, heun with 32 steps.
 *
 * <p>Two comparisons, each like with like. A completion is a draw from p(hidden | observed), and a draw's expected
 * squared error is twice the conditional variance, while the mean image's is the marginal variance (plus its bias):
 * one draw can lose to the mean image even from a perfect model wherever the observation leaves much open. So the
 * mean of {@value #SOLVES} completions (from different noise) must beat the mean training image, and one completion
 * must beat one random training digit pasted into the hole. Observed pixels must come out bit for bit as they went in.
 */
class DigitsInpaintingTest {
    private static final int STEPS = 32;
    private static final int SOLVES = 4;
    private static Digits digits;
    private static NearestDigits training;
    private static Checkpoint model;

    @BeforeAll
    static void train() {
        digits = DigitsFile.shipped();
        training = new NearestDigits(digits, DigitImages.TRAIN_COUNT);
        model = DigitRecipe.train(Map.of("conditioning", "none", "coupling", "dependent"));
    }

    @Test
    void completionsBeatTheMeanImageAndKeepObservedPixels() {
        assertEquals("mask", model.model().condition().id());
        int n = digits.size() - DigitImages.TRAIN_COUNT;
        int size = n * Digits.PIXELS;
        float[] meanImage = training.meanImage();
        Rng rng = new Rng(5);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "inpainting the %d held-out digits (heun %d, %d training steps), "
                + "MSE on the hidden pixels: mean of %d completions vs the mean training image; one completion vs a random training digit:",
                n, STEPS, DigitRecipe.STEPS, SOLVES));
        boolean meanBetter = true;
        boolean oneBetter = true;
        for (HoleMasks kind : HoleMasks.values()) {
            float[] x1 = new float[size];
            for (int i = 0; i < n; i++) {
                digits.copy(DigitImages.TRAIN_COUNT + i, x1, i * Digits.PIXELS);
            }
            float[] mask = kind.draw(n, rng);
            float[] first = null;
            float[] mean = new float[size];
            for (int s = 0; s < SOLVES; s++) {
                float[] x = complete(x1, mask, n, rng);
                for (int k = 0; k < size; k++) {
                    if (mask[k] == 1f) {
                        assertEquals(Float.floatToIntBits(x1[k]), Float.floatToIntBits(x[k]), kind + ": observed pixel " + k + " moved");
                    }
                    mean[k] += x[k] / SOLVES;
                }
                first = first == null ? x : first;
            }
            double meanOfSolves = 0;
            double meanFill = 0;
            double oneSolve = 0;
            double randomDigit = 0;
            int hidden = 0;
            for (int i = 0; i < n; i++) {
                int pasted = rng.nextInt(training.count());
                for (int p = 0; p < Digits.PIXELS; p++) {
                    int k = i * Digits.PIXELS + p;
                    if (mask[k] == 1f) {
                        continue;
                    }
                    meanOfSolves += square(mean[k] - x1[k]);
                    meanFill += square(meanImage[p] - x1[k]);
                    oneSolve += square(first[k] - x1[k]);
                    randomDigit += square(training.pixel(pasted, p) - x1[k]);
                    hidden++;
                }
            }
            meanBetter &= meanOfSolves < meanFill;
            oneBetter &= oneSolve < randomDigit;
            report.append(String.format(Locale.ROOT, " %s (%d pixels) %.3f vs %.3f, %.3f vs %.3f;", kind.name().toLowerCase(Locale.ROOT),
                    hidden, meanOfSolves / hidden, meanFill / hidden, oneSolve / hidden, randomDigit / hidden));
        }
        System.out.println("DigitsInpaintingTest: " + report);
        assertTrue(meanBetter, "the mean of the completions against the mean image: " + report);
        assertTrue(oneBetter, "one completion against a pasted training digit: " + report);
    }

    /** One completion of every digit: noise in the holes, the observation elsewhere, solved with the mask observed. */
    private static float[] complete(float[] x1, float[] mask, int n, Rng rng) {
        float[] x = new float[x1.length];
        rng.fillGaussian(x, 0, x.length);
        ConditionalField field = new ConditionalField(model.velocityField(), model.model().condition());
        Inpainting.solve(field, mask, x1, x, n, Solvers.byName("heun", SolverParams.defaults()), TimeGrid.sampling(STEPS));
        return x;
    }

    private static double square(double v) {
        return v * v;
    }
}
