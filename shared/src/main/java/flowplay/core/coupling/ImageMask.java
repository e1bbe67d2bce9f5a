package flowplay.core.coupling;

import flowplay.core.rng.Rng;

/**
 * Image masks: each point is a height×width×channels image (row-major, channels last) and the hole is, with equal
 * probability, a random axis-aligned box (sides between a quarter and a half of the image), one of the four halves,
 * or scattered pixels (each kept with probability {@code keep}). The same hole covers all channels of a pixel, as an
 * image inpainting task would. The three shapes teach the network the holes a user paints: blots, cut-off halves and
 * sparse observations.
 */
public final class ImageMask implements MaskGenerator {
    private final int width;
    private final int height;
    private final int channels;
    private final double keep;

    public ImageMask(int width, int height, int channels, double keep) {
        if (width < 1 || height < 1 || channels < 1) {
            throw new IllegalArgumentException("width, height and channels must be positive, were " + width + ", "
                    + height + ", " + channels);
        }
        if (!(keep >= 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep must be in [0, 1], was " + keep);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.keep = keep;
    }

    @Override
    public String name() {
        return "image";
    }

    @Override
    public void sample(Rng rng, int n, int dim, float[] out) {
        if (dim != width * height * channels) {
            throw new IllegalArgumentException("dim " + dim + " is not width×height×channels = "
                    + (width * height * channels));
        }
        for (int p = 0; p < n; p++) {
            int top;
            int left;
            int bottom;
            int right;
            int shape = rng.nextInt(3);
            if (shape == 2) {
                scatter(rng, out, p * dim);
                continue;
            }
            if (shape == 0) {
                int h = Math.max(1, height / 4) + rng.nextInt(Math.max(1, height / 2 - height / 4 + 1));
                int w = Math.max(1, width / 4) + rng.nextInt(Math.max(1, width / 2 - width / 4 + 1));
                top = rng.nextInt(height - h + 1);
                left = rng.nextInt(width - w + 1);
                bottom = top + h;
                right = left + w;
            } else {
                top = 0;
                left = 0;
                bottom = height;
                right = width;
                switch (rng.nextInt(4)) {
                    case 0:
                        bottom = height / 2;
                        break;
                    case 1:
                        top = height / 2;
                        break;
                    case 2:
                        right = width / 2;
                        break;
                    default:
                        left = width / 2;
                        break;
                }
            }
            int base = p * dim;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float m = (y >= top && y < bottom && x >= left && x < right) ? 0f : 1f;
                    for (int c = 0; c < channels; c++) {
                        out[base + (y * width + x) * channels + c] = m;
                    }
                }
            }
        }
    }

    private void scatter(Rng rng, float[] out, int base) {
        for (int pixel = 0; pixel < width * height; pixel++) {
            float m = rng.nextDouble() < keep ? 1f : 0f;
            for (int c = 0; c < channels; c++) {
                out[base + pixel * channels + c] = m;
            }
        }
    }
}
