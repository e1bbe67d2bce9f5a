package flowplay.web.digits;

import flowplay.core.data.DigitImages;
import flowplay.core.data.Digits;
import flowplay.web.PageErrors;
import flowplay.web.net.HttpResult;
import flowplay.web.net.RunClient;

/**
 * The shipped digits, fetched once from {@code GET /api/datasets/digits} and read with the shared {@link Digits#parse}:
 * images [{@link DigitImages#TRAIN_COUNT}, 1797) were never trained on, so they are the test digits the page inpaints;
 * the mean of the training images is the baseline a fill has to beat.
 */
final class HeldOutDigits {
    private final RunClient client;
    private Digits digits;
    private float[] mean;
    private boolean asked;

    HeldOutDigits(RunClient client) {
        this.client = client;
    }

    /** Fetches the digits once; {@code ready} runs when they are here (at once if they already are). */
    void load(Runnable ready) {
        if (digits != null) {
            ready.run();
            return;
        }
        if (asked) {
            return;
        }
        asked = true;
        client.datasetPoints(DigitImages.NAME, result -> PageErrors.guarded("test digits", () -> arrived(result, ready)));
    }

    private void arrived(HttpResult result, Runnable ready) {
        if (!result.ok()) {
            asked = false;
            PageErrors.report("could not load the digits: HTTP " + result.status());
            return;
        }
        Digits d = Digits.parse(result.body());
        float[] m = new float[Digits.PIXELS];
        for (int i = 0; i < DigitImages.TRAIN_COUNT; i++) {
            float[] image = d.image(i);
            for (int k = 0; k < Digits.PIXELS; k++) {
                m[k] += image[k];
            }
        }
        for (int k = 0; k < Digits.PIXELS; k++) {
            m[k] /= DigitImages.TRAIN_COUNT;
        }
        digits = d;
        mean = m;
        ready.run();
    }

    boolean ready() {
        return digits != null;
    }

    /** The index of the first held-out digit. */
    int first() {
        return DigitImages.TRAIN_COUNT;
    }

    /** One past the last. */
    int end() {
        return digits.size();
    }

    float[] image(int i) {
        return digits.image(i);
    }

    int label(int i) {
        return digits.label(i);
    }

    /** The mean training image, pixel by pixel. */
    float[] mean() {
        return mean;
    }
}
