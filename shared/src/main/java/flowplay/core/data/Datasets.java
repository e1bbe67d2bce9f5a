package flowplay.core.data;

import java.util.List;

/** The built-in data sets by name; the settings table offers exactly {@link #names()}. */
public final class Datasets {
    private static final List<String> NAMES = List.of("moons", "circles", "8gaussians");

    private Datasets() {
    }

    public static List<String> names() {
        return NAMES;
    }

    public static Dataset byName(String name) {
        switch (name) {
            case "moons":
                return new Moons(0.05);
            case "circles":
                return new Circles(0.5, 0.05);
            case "8gaussians":
                return new EightGaussians();
            default:
                throw new IllegalArgumentException("unknown data set '" + name + "'; one of " + String.join(", ", NAMES));
        }
    }
}
