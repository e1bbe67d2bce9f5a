package flowplay.core.solver;

import flowplay.core.rng.Rng;

import java.util.List;

/** The solvers by name; each call gives a fresh instance because solvers own scratch buffers. */
public final class Solvers {
    private static final List<String> NAMES = List.of("euler", "midpoint", "heun", "rk4", "dopri5", "em");
    private static final List<String> FIXED_STEP = List.of("euler", "midpoint", "heun", "rk4");

    private Solvers() {
    }

    /** Every solver {@link #byName(String, SolverParams)} knows. */
    public static List<String> names() {
        return NAMES;
    }

    /** The one-step solvers {@link #byName(String)} knows. */
    public static List<String> fixedStepNames() {
        return FIXED_STEP;
    }

    /** A fixed-step solver for {@link Sampler#integrate}: euler, midpoint, heun or rk4. */
    public static OdeSolver byName(String name) {
        switch (name) {
            case "euler":
                return new Euler();
            case "midpoint":
                return new Midpoint();
            case "heun":
                return new Heun();
            case "rk4":
                return new Rk4();
            default:
                throw new IllegalArgumentException("unknown fixed-step solver '" + name + "'; one of " + String.join(", ", FIXED_STEP)
                        + (NAMES.contains(name) ? " (" + name + " runs through Solvers.byName(name, params) and Sampler.run)" : ""));
        }
    }

    /** Any solver, for {@link Sampler#run}: the fixed-step ones on the grid, dopri5 with its tolerances, em with noise g. */
    public static Integrator byName(String name, SolverParams params) {
        switch (name) {
            case "dopri5":
                return new Dopri5(params.rtol(), params.atol(), params.maxNfe());
            case "em":
                return new EulerMaruyama(params.noise(), new Rng(params.seed()));
            default:
                if (!FIXED_STEP.contains(name)) {
                    throw new IllegalArgumentException("unknown solver '" + name + "'; one of " + String.join(", ", NAMES));
                }
                return new FixedGrid(byName(name));
        }
    }
}
