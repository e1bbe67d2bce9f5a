package flowplay.server.quality;

import flowplay.core.data.Digits;
import flowplay.core.rng.Rng;

/**
 * Observation masks (1 = observed) of the three kinds the inpainting model is trained on, one kind per call so that
 * each can be scored on its own: a box of 2..4 × 2..4 pixels hidden, one of the four halves hidden, or each pixel
 * hidden with probability ½.
 */
enum HoleMasks {
    BOX, HALF, SCATTERED;

    /** n masks of this kind, row-major n×64, drawn from {@code rng}. */
    float[] draw(int n, Rng rng) {
        int side = Digits.SIDE;
        float[] mask = new float[n * Digits.PIXELS];
        for (int i = 0; i < n; i++) {
            int base = i * Digits.PIXELS;
            int top = 0;
            int left = 0;
            int bottom = side;
            int right = side;
            if (this == SCATTERED) {
                for (int p = 0; p < Digits.PIXELS; p++) {
                    mask[base + p] = rng.nextDouble() < 0.5 ? 1f : 0f;
                }
                continue;
            }
            if (this == BOX) {
                int h = 2 + rng.nextInt(3);
                int w = 2 + rng.nextInt(3);
                top = rng.nextInt(side - h + 1);
                left = rng.nextInt(side - w + 1);
                bottom = top + h;
                right = left + w;
            } else {
                switch (rng.nextInt(4)) {
                    case 0 -> bottom = side / 2;
                    case 1 -> top = side / 2;
                    case 2 -> right = side / 2;
                    default -> left = side / 2;
                }
            }
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    boolean hidden = y >= top && y < bottom && x >= left && x < right;
                    mask[base + y * side + x] = hidden ? 0f : 1f;
                }
            }
        }
        return mask;
    }
}
