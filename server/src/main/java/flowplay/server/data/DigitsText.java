package flowplay.server.data;

import flowplay.core.data.Digits;

/**
 * Digits back to the text {@link Digits#parse} reads: per image its 64 grey levels (0–16) then its label, one image a
 * line. Levels are whole numbers in the file, so {@link Digits#level} undoes the scaling exactly and a parse of this text
 * gives the same pixels, bit for bit.
 */
public final class DigitsText {
    private DigitsText() {
    }

    public static String csv(Digits digits) {
        StringBuilder b = new StringBuilder(digits.size() * 3 * (Digits.PIXELS + 1));
        for (int i = 0; i < digits.size(); i++) {
            float[] image = digits.image(i);
            for (float pixel : image) {
                b.append(Digits.level(pixel)).append(',');
            }
            b.append(digits.label(i)).append('\n');
        }
        return b.toString();
    }
}
