package flowplay.web.field;

import flowplay.web.render.Palette;

/**
 * A {@link DensityMap} as a small RGBA image, one pixel per grid cell, for both painters to stretch over the grid's box
 * with smoothing. Square-root scale: the density spans orders of magnitude and a linear scale shows only its peaks.
 * Opacity grows from 0 with the density, so the map fades into the background without an edge.
 */
final class HeatmapImage {
    /** The most opaque a cell gets: the grid stays visible under the densest cells. */
    static final double MAX_ALPHA = 0.9;

    private final float[] rgb = new float[3];
    private byte[] pixels = new byte[0];

    /** The image of {@code d}: m×m pixels of 4 bytes (unsigned values in Java's signed bytes), row 0 at the top. */
    byte[] of(DensityMap d) {
        int m = d.grid().size();
        if (pixels.length != 4 * m * m) {
            pixels = new byte[4 * m * m];
        }
        float[] p = d.density();
        for (int row = 0; row < m; row++) {
            int top = m - 1 - row; // grid row 0 is the bottom, image row 0 the top
            for (int col = 0; col < m; col++) {
                double v = d.max() > 0 ? Math.sqrt(p[row * m + col] / d.max()) : 0;
                Palette.time(v, rgb, 0);
                int o = 4 * (top * m + col);
                pixels[o] = (byte) Math.round(255 * rgb[0]);
                pixels[o + 1] = (byte) Math.round(255 * rgb[1]);
                pixels[o + 2] = (byte) Math.round(255 * rgb[2]);
                pixels[o + 3] = (byte) Math.round(255 * Math.min(MAX_ALPHA, 2 * v));
            }
        }
        return pixels;
    }
}
