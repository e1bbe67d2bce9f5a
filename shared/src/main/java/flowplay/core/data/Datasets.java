package flowplay.core.data;

import java.util.List;

/**
 * The built-in data sets by name; the settings table offers exactly {@link #names()}. Each name's definition, parameters
 * and scale are in its class's javadoc and in {@code training-data/README.md}.
 */
public final class Datasets {
    private static final List<String> NAMES = List.of("moons", "circles", "8gaussians", "25gaussians", "checkerboard",
            "2spirals", "swissroll", "pinwheel", "uniform");

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
            case "25gaussians":
                return new TwentyFiveGaussians();
            case "checkerboard":
                return new Checkerboard();
            case "2spirals":
                return new TwoSpirals(0.1);
            case "swissroll":
                return new SwissRoll(1.0);
            case "pinwheel":
                return new Pinwheel();
            case "uniform":
                return new UniformSquare(-2.0, 2.0);
            default:
                throw new IllegalArgumentException("unknown data set '" + name + "'; one of " + String.join(", ", NAMES));
        }
    }
}
