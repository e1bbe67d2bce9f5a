package flowplay.core.path;

import flowplay.core.json.Json;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.path.scheduler.Cosine;
import flowplay.core.path.scheduler.LinearVp;
import flowplay.core.path.scheduler.Polynomial;
import flowplay.core.path.scheduler.Vp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds schedulers by name and describes them as JSON-able maps, the form stored in a checkpoint's {@code flowplay.path}
 * metadata: {"scheduler":"vp","beta_min":0.1,"beta_max":20}, {"scheduler":"polynomial","n":2}, {"scheduler":"condot"}.
 */
public final class Schedulers {
    private static final List<String> NAMES = List.of("condot", "polynomial", "vp", "linear-vp", "cosine");

    private Schedulers() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** The named scheduler with its default parameters (polynomial n=2, vp β_min=0.1, β_max=20). */
    public static Scheduler byName(String name) {
        return fromMap(Map.of("scheduler", name));
    }

    /**
     * From a description map as {@link #describe} writes it; missing parameters take their defaults, unknown keys are
     * rejected so that a typo in a checkpoint is not silently sampled with the wrong path.
     */
    public static Scheduler fromMap(Map<String, ?> description) {
        Object nameValue = description.get("scheduler");
        if (!(nameValue instanceof String name)) {
            throw new IllegalArgumentException("scheduler description needs a \"scheduler\" name, one of " + String.join(", ", NAMES));
        }
        switch (name) {
            case "condot":
                onlyKeys(description, name);
                return new CondOt();
            case "linear-vp":
                onlyKeys(description, name);
                return new LinearVp();
            case "cosine":
                onlyKeys(description, name);
                return new Cosine();
            case "polynomial":
                onlyKeys(description, name, "n");
                return new Polynomial(number(description, "n", 2.0));
            case "vp":
                onlyKeys(description, name, "beta_min", "beta_max");
                return new Vp(number(description, "beta_min", Vp.DEFAULT_BETA_MIN), number(description, "beta_max", Vp.DEFAULT_BETA_MAX));
            default:
                throw new IllegalArgumentException("unknown scheduler '" + name + "'; one of " + String.join(", ", NAMES));
        }
    }

    /** Parses the JSON object of {@code flowplay.path}. */
    public static Scheduler fromJson(String json) {
        return fromMap(Json.parseObject(json));
    }

    /** The scheduler's name and parameters, insertion-ordered, ready for {@link Json#write}. */
    public static Map<String, Object> describe(Scheduler scheduler) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scheduler", scheduler.name());
        if (scheduler instanceof Polynomial p) {
            out.put("n", p.n());
        } else if (scheduler instanceof Vp vp) {
            out.put("beta_min", vp.betaMin());
            out.put("beta_max", vp.betaMax());
        } else if (!(scheduler instanceof CondOt || scheduler instanceof LinearVp || scheduler instanceof Cosine)) {
            throw new IllegalArgumentException("cannot describe scheduler '" + scheduler.name() + "': not one of " + String.join(", ", NAMES));
        }
        return out;
    }

    public static String toJson(Scheduler scheduler) {
        return Json.write(describe(scheduler));
    }

    private static void onlyKeys(Map<String, ?> description, String name, String... allowed) {
        for (String key : description.keySet()) {
            if (key.equals("scheduler")) {
                continue;
            }
            boolean known = false;
            for (String a : allowed) {
                known |= a.equals(key);
            }
            if (!known) {
                throw new IllegalArgumentException("scheduler '" + name + "' has no parameter '" + key + "'"
                        + (allowed.length == 0 ? "" : "; it takes " + String.join(", ", allowed)));
            }
        }
    }

    private static double number(Map<String, ?> description, String key, double fallback) {
        Object v = description.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scheduler parameter '" + key + "' must be a number, was '" + s + "'");
            }
        }
        throw new IllegalArgumentException("scheduler parameter '" + key + "' must be a number, was " + v);
    }
}
