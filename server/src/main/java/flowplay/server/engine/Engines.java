package flowplay.server.engine;

import java.util.List;

/** The engines by name, for {@code --engine}. */
public final class Engines {
    /** Decided by {@link EngineChoice}: nd4j on a CUDA device in a -Pcuda build, else java. */
    public static final String DEFAULT = EngineChoice.AUTO;
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

    /** The engine for {@code --engine requested} (auto, java or nd4j) in this JVM, and why it was chosen. */
    public static Selected select(String requested) {
        EngineChoice.Choice choice = EngineChoice.choose(requested, EngineChoice.system());
        return new Selected(byName(choice.engine()), choice.reason());
    }

    /** An engine and the reason it was chosen. */
    public record Selected(Engine engine, String reason) {
    }
}
