package flowplay.web.digits;

import flowplay.core.data.Digits;

/** The masks one click sets on the {@link MaskCanvas}: which pixels to hide, by name. */
final class MaskPresets {
    /** Button id suffix, button text. */
    static final String[][] ALL = {
        {"bottom", "hide bottom half"}, {"top", "hide top half"}, {"left", "hide left half"}, {"right", "hide right half"},
        {"centre", "hide centre"}, {"clear", "clear"},
    };

    private MaskPresets() {
    }

    static boolean[] hide(String name) {
        boolean[] hide = new boolean[Digits.PIXELS];
        int half = Digits.SIDE / 2;
        for (int k = 0; k < Digits.PIXELS; k++) {
            int r = k / Digits.SIDE;
            int c = k % Digits.SIDE;
            hide[k] = switch (name) {
                case "bottom" -> r >= half;
                case "top" -> r < half;
                case "left" -> c < half;
                case "right" -> c >= half;
                case "centre" -> r >= 2 && r < 6 && c >= 2 && c < 6;
                case "clear" -> false;
                default -> throw new IllegalArgumentException("no mask preset " + name);
            };
        }
        return hide;
    }
}
