package flowplay.core.training;

import flowplay.core.data.DigitImages;
import flowplay.core.data.Digits;
import flowplay.core.data.Moons;
import flowplay.core.model.Condition;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.rng.Rng;
import flowplay.core.settings.Settings;
import flowplay.core.settings.TrainConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Class-conditional batches: rows concat(x_t, [mask,] onehot(label), τ(t)) with labels dropped to ∅ at the dropout rate. */
class LabelledBatchTest {
    /** Ten tiny "digits": image k is all level k, class k. */
    static DigitImages tenDigits() {
        StringBuilder csv = new StringBuilder();
        for (int k = 0; k < 10; k++) {
            for (int p = 0; p < Digits.PIXELS; p++) {
                csv.append(k).append(',');
            }
            csv.append(k).append('\n');
        }
        return new DigitImages(Digits.parse(csv.toString()));
    }

    private static TrainConfig config(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("dataset", "digits", "batch", "2000", "timeInput", "fourier",
                "fourierK", "2"));
        all.putAll(settings);
        return TrainConfig.from(Settings.parse(Settings.TRAIN, all));
    }

    @Test
    void rowsCarryTheOneHotOfTheImagesClassAndDropItAtTheRate() {
        DigitImages data = tenDigits();
        TrainConfig config = config(Map.of("labelDropout", "0.25"));
        assertEquals(Condition.classes(10), config.condition(data));
        int width = 64 + 10 + TimeEmbedding.fourier(2).size();
        assertEquals(width, config.networkInput(data).width());
        assertArrayEquals(new int[] {width, 64, 64, 64, 64}, config.layerSizes(data));
        TrainingBatch batch = config.batches(data);
        batch.draw(data, new Rng(4));
        int dropped = 0;
        for (int i = 0; i < batch.size(); i++) {
            int level = Digits.level(batch.x1()[i * 64]); // the class is the image's level, jitter or not
            int label = batch.labels()[i];
            for (int c = 0; c < 10; c++) {
                assertEquals(c == label ? 1f : 0f, batch.input()[i * width + 64 + c], "row " + i + " one-hot entry " + c);
            }
            if (label == Condition.NO_LABEL) {
                dropped++;
            } else {
                assertEquals(level, label, "row " + i);
            }
            assertEquals(batch.times()[i], batch.input()[i * width + 74], 0f, "τ(t) follows the one-hot");
        }
        assertEquals(0.25, dropped / (double) batch.size(), 0.03);
    }

    @Test
    void inpaintingWithLabelsPutsTheMaskBeforeTheOneHot() {
        DigitImages data = tenDigits();
        TrainConfig config = config(Map.of("coupling", "dependent", "labelDropout", "0"));
        assertEquals("image", config.objective().newCoupling() instanceof flowplay.core.coupling.Dependent d ? d.masks().name() : "?");
        assertEquals(new Condition(true, 10), config.condition(data));
        TrainingBatch batch = config.batches(data);
        batch.draw(data, new Rng(8));
        int width = config.networkInput(data).width();
        for (int i = 0; i < 50; i++) {
            for (int p = 0; p < 64; p++) {
                float m = batch.input()[i * width + 64 + p];
                assertTrue(m == 0f || m == 1f);
                if (m == 1f) {
                    assertEquals(batch.x1()[i * 64 + p], batch.x0()[i * 64 + p], 0f, "observed pixels start at the data");
                }
            }
            assertEquals(1f, batch.input()[i * width + 128 + batch.labels()[i]], 0f);
        }
    }

    @Test
    void unconditionedDigitsAndUnlabelledDataReadNoLabel() {
        assertEquals(Condition.NONE, config(Map.of("conditioning", "none")).condition(tenDigits()));
        TrainConfig moons = config(Map.of("dataset", "moons"));
        assertEquals(Condition.NONE, moons.condition(new Moons(0.05)));
        TrainingBatch labelled = config(Map.of()).batches(tenDigits());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> labelled.draw(new Moons(0.05), new Rng(1)));
        assertTrue(e.getMessage().contains("needs labelled data with 10 classes; moons has no labels"), e.getMessage());
    }

    @Test
    void digitImagesDrawOnlyTrainingImagesWithinHalfALevel() {
        StringBuilder csv = new StringBuilder();
        for (int k = 0; k < DigitImages.TRAIN_COUNT + 5; k++) {
            for (int p = 0; p < Digits.PIXELS; p++) {
                csv.append(k < DigitImages.TRAIN_COUNT ? 4 : 12).append(',');
            }
            csv.append(k % 10).append('\n');
        }
        DigitImages data = new DigitImages(Digits.parse(csv.toString()));
        assertEquals(DigitImages.TRAIN_COUNT, data.trainCount());
        float[] x = new float[500 * 64];
        int[] labels = new int[500];
        data.sample(new Rng(2), 500, x, labels);
        float level4 = 4 / 8f - 1;
        for (float v : x) {
            assertTrue(Math.abs(v - level4) <= DigitImages.JITTER, "only training images, jittered by at most half a level: " + v);
        }
    }
}
