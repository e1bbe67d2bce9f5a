package flowplay.server.cli;

import flowplay.core.data.Digits;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Samples of a 64-D digit model drawn as one greyscale PNG: each sample an 8×8 digit, each of its pixels a
 * {@value #SCALE}×{@value #SCALE} block, dark ink on white as the data set's scans are, in rows of
 * {@value #COLUMNS} (so with {@code --label all}, sample i having class i mod 10, each column is one class).
 * Pixels are shown at the data's 17 grey levels ({@link Digits#level}), which also clamps what the model overshoots.
 */
final class DigitGrid {
    static final int COLUMNS = 10;
    static final int SCALE = 4;
    /** White space around every digit, in image pixels. */
    static final int GAP = 4;
    /** More would make an image tens of thousands of pixels tall. */
    static final int MAX_SAMPLES = 10_000;

    private DigitGrid() {
    }

    static BufferedImage image(float[] samples, int n) {
        int columns = Math.max(1, Math.min(n, COLUMNS));
        int rows = Math.max(1, (n + columns - 1) / columns);
        int cell = Digits.SIDE * SCALE;
        int width = columns * cell + (columns + 1) * GAP;
        int height = rows * cell + (rows + 1) * GAP;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] white = new int[width * height];
        Arrays.fill(white, 255);
        raster.setPixels(0, 0, width, height, white);
        int[] block = new int[SCALE * SCALE];
        for (int i = 0; i < n; i++) {
            int left = GAP + (i % columns) * (cell + GAP);
            int top = GAP + (i / columns) * (cell + GAP);
            for (int p = 0; p < Digits.PIXELS; p++) {
                int ink = Digits.level(samples[i * Digits.PIXELS + p]);
                Arrays.fill(block, 255 - Math.round(255f * ink / Digits.LEVELS));
                raster.setPixels(left + (p % Digits.SIDE) * SCALE, top + (p / Digits.SIDE) * SCALE, SCALE, SCALE, block);
            }
        }
        return image;
    }

    static void write(Path file, float[] samples, int n) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException("cannot write " + file + ": no such directory");
        }
        if (!ImageIO.write(image(samples, n), "png", file.toFile())) {
            throw new IllegalStateException("this JVM has no PNG writer");
        }
    }
}
