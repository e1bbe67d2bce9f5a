package flowplay.web.digits;

import flowplay.core.data.Digits;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Draws 8×8 digits as the data set shows them: dark ink on white, one square per pixel, grey from the pixel's level
 * (level 16 black, 0 white; a model's values outside [−1, 1] are clamped by {@link Digits#level}).
 */
final class DigitPainter {
    /** The 17 greys, white to black, as CSS colours: built once, a grid draws thousands of squares. */
    private static final String[] GREYS = new String[Digits.LEVELS + 1];

    static {
        for (int v = 0; v <= Digits.LEVELS; v++) {
            int c = Math.round(255f * (Digits.LEVELS - v) / Digits.LEVELS);
            GREYS[v] = "rgb(" + c + "," + c + "," + c + ")";
        }
    }

    private DigitPainter() {
    }

    static CanvasRenderingContext2D context(HTMLCanvasElement canvas) {
        return (CanvasRenderingContext2D) canvas.getContext("2d");
    }

    /** Digit at {@code pixels[from..from+64)}, its top-left corner at (x, y), each pixel a {@code cell}-wide square. */
    static void paint(CanvasRenderingContext2D g, float[] pixels, int from, double x, double y, double cell) {
        for (int r = 0; r < Digits.SIDE; r++) {
            for (int c = 0; c < Digits.SIDE; c++) {
                g.setFillStyle(GREYS[Digits.level(pixels[from + r * Digits.SIDE + c])]);
                // A hair wider than the cell, so anti-aliased edges between neighbours leave no light seams.
                g.fillRect(x + c * cell, y + r * cell, cell + 0.5, cell + 0.5);
            }
        }
    }

    /** Hatches the hidden pixels ({@code observed[k]} = 0) of a digit drawn at (x, y) in the mask colour. */
    static void hidden(CanvasRenderingContext2D g, float[] observed, double x, double y, double cell, String colour) {
        g.setFillStyle(colour);
        for (int k = 0; k < Digits.PIXELS; k++) {
            if (observed[k] == 0) {
                g.fillRect(x + (k % Digits.SIDE) * cell, y + (k / Digits.SIDE) * cell, cell, cell);
            }
        }
    }

    /** Clears the canvas to white. */
    static void clear(CanvasRenderingContext2D g, HTMLCanvasElement canvas) {
        g.setFillStyle("#ffffff");
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    }

    /** The digits' grey levels as one character each, '0'–'9' then 'a'–'g' (16): a compact readback for tests. */
    static String levels(float[] pixels, int n) {
        StringBuilder b = new StringBuilder(n * Digits.PIXELS);
        for (int k = 0; k < n * Digits.PIXELS; k++) {
            b.append(Character.forDigit(Digits.level(pixels[k]), Digits.LEVELS + 1));
        }
        return b.toString();
    }
}
