package flowplay.core.data;

import flowplay.core.rng.Rng;

/**
 * The digits as training data p(x1): points in R^64 (8×8 images, row by row) with their class. Only the first
 * {@link #TRAIN_COUNT} images are drawn; the rest are held out, so that inpainting and memorisation can be judged on
 * digits the model never saw. Each draw adds uniform noise of half a grey level either way (dequantisation): the
 * 17 levels are a rounding of continuous ink, and a flow fitted to exact levels would have to squeeze mass onto them.
 */
public final class DigitImages implements LabelledDataset {
    public static final String NAME = "digits";
    /** Images [0, TRAIN_COUNT) train; the remaining ones (297 of the shipped 1797) are held out. */
    public static final int TRAIN_COUNT = 1500;
    /** Half of one grey level in the scaled units (a level is 1/8). */
    public static final float JITTER = 1f / 16f;

    private final Digits digits;
    private final int count;

    /** Trains on the first {@link #TRAIN_COUNT} images of {@code digits} (all of them when there are fewer). */
    public DigitImages(Digits digits) {
        this.digits = digits;
        this.count = Math.min(TRAIN_COUNT, digits.size());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dim() {
        return Digits.PIXELS;
    }

    @Override
    public int classes() {
        return Digits.CLASSES;
    }

    /** How many images training draws from. */
    public int trainCount() {
        return count;
    }

    @Override
    public void sample(Rng rng, int n, float[] out, int[] labels) {
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(count);
            int at = i * Digits.PIXELS;
            digits.copy(k, out, at);
            for (int p = at; p < at + Digits.PIXELS; p++) {
                out[p] += JITTER * (2f * rng.nextFloat() - 1f);
            }
            labels[i] = digits.label(k);
        }
    }
}
