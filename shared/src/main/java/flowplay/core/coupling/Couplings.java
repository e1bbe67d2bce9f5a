package flowplay.core.coupling;

import java.util.List;
import java.util.Map;

/**
 * The couplings by name for the settings table. Parameters come as strings, as the settings table stores them:
 * <ul>
 *   <li>{@code independent}, {@code minibatch-ot}: none;</li>
 *   <li>{@code sinkhorn}: {@code epsilon} (relative to the mean cost, default 0.05), {@code maxIterations} (1000),
 *       {@code tolerance} (1e-6);</li>
 *   <li>{@code dependent}: {@code mask} = {@code coordinates} (default; with {@code keep}, default 0.5) or
 *       {@code image} (boxes, halves or scattered pixels, with {@code width}, {@code height}, {@code channels},
 *       default 1, and {@code keep} for the scattered pixels).</li>
 * </ul>
 * Unknown parameter names are rejected so that a typo does not silently train with a default.
 */
public final class Couplings {
    private static final List<String> NAMES = List.of("independent", "minibatch-ot", "sinkhorn", "dependent");

    private Couplings() {
    }

    public static List<String> names() {
        return NAMES;
    }

    public static Coupling byName(String name) {
        return byName(name, Map.of());
    }

    public static Coupling byName(String name, Map<String, String> params) {
        switch (name) {
            case "independent":
                allowOnly(name, params);
                return new Independent();
            case "minibatch-ot":
                allowOnly(name, params);
                return new MinibatchOt();
            case "sinkhorn":
                allowOnly(name, params, "epsilon", "maxIterations", "tolerance");
                return new Sinkhorn(number(params, "epsilon", 0.05), (int) integer(params, "maxIterations", 1000),
                        number(params, "tolerance", 1e-6));
            case "dependent":
                allowOnly(name, params, "mask", "keep", "width", "height", "channels");
                return new Dependent(mask(params));
            default:
                throw new IllegalArgumentException("unknown coupling '" + name + "'; one of " + String.join(", ", NAMES));
        }
    }

    private static MaskGenerator mask(Map<String, String> params) {
        String kind = params.getOrDefault("mask", "coordinates");
        switch (kind) {
            case "coordinates":
                return new CoordinateMask(number(params, "keep", 0.5));
            case "image":
                if (!params.containsKey("width") || !params.containsKey("height")) {
                    throw new IllegalArgumentException("mask 'image' needs width and height");
                }
                return new ImageMask((int) integer(params, "width", 0), (int) integer(params, "height", 0),
                        (int) integer(params, "channels", 1), number(params, "keep", 0.5));
            default:
                throw new IllegalArgumentException("unknown mask '" + kind + "'; one of coordinates, image");
        }
    }

    private static void allowOnly(String coupling, Map<String, String> params, String... allowed) {
        for (String key : params.keySet()) {
            boolean known = false;
            for (String a : allowed) {
                known |= a.equals(key);
            }
            if (!known) {
                throw new IllegalArgumentException("coupling '" + coupling + "' has no parameter '" + key + "'"
                        + (allowed.length == 0 ? "" : "; one of " + String.join(", ", allowed)));
            }
        }
    }

    private static double number(Map<String, String> params, String key, double fallback) {
        String raw = params.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + key + "' must be a number, was '" + raw + "'");
        }
    }

    private static long integer(Map<String, String> params, String key, long fallback) {
        double value = number(params, key, fallback);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException("parameter '" + key + "' must be an integer, was '" + params.get(key) + "'");
        }
        return (long) value;
    }
}
