package flowplay.core.training;

import flowplay.core.settings.Choice;

import java.util.List;

/** The learning rate at each step: {@code constant}, or {@code cosine} decay lr·½(1 + cos(π·(s − 1)/S)) over S steps. */
public enum LrSchedule implements Choice {
    CONSTANT("constant"),
    COSINE("cosine");

    private final String id;

    LrSchedule(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Choice.ids(values());
    }

    public static LrSchedule parse(String id) {
        return Choice.parse(values(), id, "learning-rate schedule");
    }

    /** The rate for step {@code step} of {@code steps} (1-based): the full rate at step 1, near 0 at the last. */
    public double at(double lr, long step, long steps) {
        if (this == CONSTANT) {
            return lr;
        }
        return lr * 0.5 * (1.0 + Math.cos(Math.PI * (step - 1) / steps));
    }
}
