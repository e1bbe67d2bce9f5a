package flowplay.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in data sets by name ({@link #names()}); the settings table offers {@link #choices()}: these, the
 * {@link FileDatasets file data sets} and the user's own {@link UserPoints points}. Each built-in's definition,
 * parameters and scale are in its class's javadoc and in {@code training-data/README.md}.
 */
public final class Datasets {
    private static final List<String> NAMES = List.of("moons", "circles", "8gaussians", "25gaussians", "checkerboard",
            "2spirals", "swissroll", "pinwheel", "uniform");

    private Datasets() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** Every value of the {@code dataset} setting: the built-ins, then the file data sets, the digits, then {@code points}. */
    public static List<String> choices() {
        List<String> all = new ArrayList<>(NAMES);
        all.addAll(FileDatasets.NAMES);
        all.add(DigitImages.NAME);
        all.add(UserPoints.NAME);
        return List.copyOf(all);
    }

    /** Whether the name is a built-in, sampled in code (not a file data set or the user's points). */
    public static boolean isBuiltIn(String name) {
        return NAMES.contains(name);
    }

    /** A built-in by name; file data sets and the user's points are resolved with their points by the server. */
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
