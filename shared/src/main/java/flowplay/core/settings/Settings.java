package flowplay.core.settings;

import flowplay.core.data.Datasets;
import flowplay.core.solver.Solvers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of knobs. The server validates requests with it, the CLI generates its flags from it, and the browser
 * builds its controls and reads the URL hash from it, so a bound changed here changes everywhere at once.
 */
public final class Settings {
    public static final List<Setting> TRAIN = List.of(
            Setting.choice("dataset", "moons", Datasets.choices(),
                    "Target distribution p(x1) at t = 1: a built-in, a file data set, or your own points"),
            Setting.integer("steps", 5000, 1, 100_000, "Training steps (one Adam update on a fresh batch each)"),
            Setting.integer("batch", 256, 1, 4096, "Pairs (x0, x1) per step; x0 ~ N(0, I), t ~ U(0, 1)"),
            Setting.number("lr", 0.01, 1e-6, 1.0, "Adam learning rate"),
            Setting.integer("seed", 0, 0, Integer.MAX_VALUE, "Seed of the weights, batches, noise and times: same seed, same run"),
            Setting.integer("width", 64, 1, 1024, "Units in each hidden layer"),
            Setting.integer("depth", 3, 1, 8, "Hidden layers of the MLP u(x, t) with input concat(x, t)"),
            Setting.choice("activation", "elu", List.of("elu", "silu", "relu", "tanh", "gelu"), "Nonlinearity between layers"),
            Setting.integer("checkpointEvery", 250, 1, 100_000, "Send a checkpoint every this many steps (and at the end)"));

    public static final List<Setting> SAMPLE = List.of(
            Setting.choice("solver", "heun", Solvers.fixedStepNames(),
                    "ODE solver for dx/dt = u(x, t), evaluations per step: euler x += h·u (1), midpoint (2), heun trapezoid (2), rk4 classic Runge–Kutta (4)"),
            Setting.integer("sampleSteps", 16, 1, 1000, "Solver steps from t = 0 (noise) to t = 1 (data); h = 1/steps").withFlag("steps"),
            Setting.integer("samples", 2048, 1, 100_000, "Points sampled from the model").withFlag("n"),
            Setting.integer("noiseSeed", 1, 0, Integer.MAX_VALUE, "Seed of the source noise x0 ~ N(0, I), fixed so that redraws compare like with like")
                    .withFlag("seed"));

    private Settings() {
    }

    public static Setting find(List<Setting> table, String name) {
        for (Setting s : table) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Validates the given raw values against the table, fills defaults, and rejects names the table does not have. */
    public static SettingValues parse(List<Setting> table, Map<String, String> raw) {
        for (String name : raw.keySet()) {
            if (find(table, name) == null) {
                throw new SettingException(name, "unknown setting", "one of " + String.join(", ", names(table)));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting s : table) {
            String given = raw.get(s.name());
            values.put(s.name(), given == null ? s.defaultValue() : s.normalize(given));
        }
        return new SettingValues(values);
    }

    public static SettingValues defaults(List<Setting> table) {
        return parse(table, Map.of());
    }

    public static List<String> names(List<Setting> table) {
        List<String> names = new ArrayList<>();
        for (Setting s : table) {
            names.add(s.name());
        }
        return names;
    }
}
