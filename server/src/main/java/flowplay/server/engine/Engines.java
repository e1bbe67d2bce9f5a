package flowplay.server.engine;

import java.util.List;

/** The engines by name, for {@code --engine}. */
public final class Engines {
    public static final String DEFAULT = "java";
    public static final List<String> NAMES = List.of("java", "nd4j");

    private Engines() {
    }

    /** A new engine; throws IllegalArgumentException naming the allowed values for an unknown name. */
    public static Engine byName(String name) {
        switch (name) {
            case "java":
                return new JavaEngine();
            case "nd4j":
                return new Nd4jEngine();
            default:
                throw new IllegalArgumentException("unknown engine '" + name + "'; one of " + String.join(", ", NAMES));
        }
    }
}
