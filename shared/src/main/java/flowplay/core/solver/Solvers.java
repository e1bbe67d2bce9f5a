package flowplay.core.solver;

import java.util.List;

/** The ODE solvers by name; each call gives a fresh instance because solvers own scratch buffers. */
public final class Solvers {
    private static final List<String> NAMES = List.of("euler", "heun");

    private Solvers() {
    }

    public static List<String> names() {
        return NAMES;
    }

    public static OdeSolver byName(String name) {
        switch (name) {
            case "euler":
                return new Euler();
            case "heun":
                return new Heun();
            default:
                throw new IllegalArgumentException("unknown solver '" + name + "'; one of " + String.join(", ", NAMES));
        }
    }
}
