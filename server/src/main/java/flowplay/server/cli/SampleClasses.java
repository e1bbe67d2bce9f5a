package flowplay.server.cli;

import flowplay.core.model.Condition;
import flowplay.core.sampling.Guidance;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code sample}'s {@code --label} and {@code --guidance} held against the checkpoint's condition. A class-conditional
 * model gets a label per sample and the guidance weight; a model without classes accepts only the defaults (which ask
 * nothing of it), so that a flag which would be silently ignored is refused instead.
 */
final class SampleClasses {
    private SampleClasses() {
    }

    /** The labels of the n samples, or null for a model without classes; a usage error naming the flag otherwise. */
    static int[] labels(Guidance asked, Guidance defaults, Condition condition, Path file, int n) {
        if (!condition.labelled()) {
            if (asked.label() != defaults.label()) {
                throw new UsageException("--label " + asked.label() + ": " + file + " has no classes (condition " + condition.id()
                        + "); --label applies to a class-conditional model (train --dataset digits --conditioning class)");
            }
            if (asked.w() != defaults.w()) {
                throw new UsageException("--guidance " + number(asked.w()) + ": " + file + " has no classes (condition " + condition.id()
                        + "); classifier-free guidance applies to a class-conditional model (train --dataset digits --conditioning class)");
            }
            return null;
        }
        try {
            return asked.labels(condition, n);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid value for --label: " + e.getMessage());
        }
    }

    /** "class 3" or "classes 0..9 in turn", with the guidance weight: for the summary line. */
    static String describe(Guidance asked, Condition condition) {
        String which = asked.label() == Guidance.ALL ? "classes 0.." + (condition.classes() - 1) + " in turn" : "class " + asked.label();
        return which + ", guidance w=" + number(asked.w());
    }

    private static String number(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : String.format(Locale.ROOT, "%s", w);
    }
}
