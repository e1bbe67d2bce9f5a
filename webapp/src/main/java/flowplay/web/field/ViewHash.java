package flowplay.web.field;

import flowplay.web.ui.Format;

/**
 * The field view's state in the URL hash, one entry beside the settings: {@code view=arrows:0.25} (layer id, then t).
 * Parsing never throws: a link with a bad entry opens the view at its defaults.
 */
public final class ViewHash {
    public static final String KEY = "view";

    public final FieldLayer layer;
    public final double t;

    private ViewHash(FieldLayer layer, double t) {
        this.layer = layer;
        this.t = t;
    }

    public static String write(FieldLayer layer, double t) {
        return layer.id() + ":" + Format.fixed(t, 3);
    }

    /** The state in {@code value}, or null when it is absent or malformed. */
    public static ViewHash parse(String value) {
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(':');
        FieldLayer layer = FieldLayer.parse(colon < 0 ? value : value.substring(0, colon));
        if (layer == null) {
            return null;
        }
        double t = 0.5;
        if (colon >= 0) {
            try {
                t = Double.parseDouble(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (!(t >= 0 && t <= 1)) {
                return null;
            }
        }
        return new ViewHash(layer, t);
    }
}
