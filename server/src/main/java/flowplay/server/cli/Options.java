package flowplay.server.cli;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.checkpoint.CheckpointFormatException;
import flowplay.core.model.Condition;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Plain (non-settings) options of the checkpoint commands: declared as strings, validated here so that every bad value
 * becomes one {@link UsageException} line naming the flag and its range.
 */
final class Options {
    private Options() {
    }

    static void add(CommandSpec spec, String name, String label, String description) {
        spec.addOption(OptionSpec.builder(name).paramLabel(label).type(String.class).description(description).build());
    }

    static void flag(CommandSpec spec, String name, String description) {
        spec.addOption(OptionSpec.builder(name).arity("0").type(boolean.class).description(description).build());
    }

    static String string(ParseResult parsed, String name, String fallback) {
        return parsed.hasMatchedOption(name) ? parsed.matchedOptionValue(name, fallback) : fallback;
    }

    /** A finite number in the interval; lowOpen/highOpen exclude the end. */
    static double number(ParseResult parsed, String name, double fallback, double lo, boolean lowOpen, double hi, boolean highOpen) {
        if (!parsed.hasMatchedOption(name)) {
            return fallback;
        }
        String raw = parsed.matchedOptionValue(name, "");
        String range = "a number in " + (lowOpen ? "(" : "[") + fmt(lo) + ", " + fmt(hi) + (highOpen ? ")" : "]");
        double v;
        try {
            v = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for " + name + ": '" + raw + "' is not a number; expected " + range);
        }
        boolean ok = Double.isFinite(v) && (lowOpen ? v > lo : v >= lo) && (highOpen ? v < hi : v <= hi);
        if (!ok) {
            throw new UsageException("invalid value for " + name + ": " + raw + " is out of range; expected " + range);
        }
        return v;
    }

    static int integer(ParseResult parsed, String name, int fallback, int lo, int hi) {
        if (!parsed.hasMatchedOption(name)) {
            return fallback;
        }
        String raw = parsed.matchedOptionValue(name, "");
        String range = "an integer in [" + lo + ", " + hi + "]";
        long v;
        try {
            v = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for " + name + ": '" + raw + "' is not an integer; expected " + range);
        }
        if (v < lo || v > hi) {
            throw new UsageException("invalid value for " + name + ": " + raw + " is out of range; expected " + range);
        }
        return (int) v;
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Reads a checkpoint or fails naming the flag; says on {@code err} when an inpainting model is used with nothing observed. */
    static Checkpoint checkpoint(String flag, Path file, PrintStream err) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(flag + ": cannot read checkpoint " + file + ": no such file");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.fromBytes(bytes);
        } catch (CheckpointFormatException | IllegalArgumentException e) {
            throw new UsageException(flag + ": " + file + " is not a usable checkpoint: " + e.getMessage());
        }
        Condition condition = checkpoint.model().condition();
        if (condition.mask()) {
            // A class-conditional inpainting model ("mask+classes(k)") still reads its labels; only the mask is left unused.
            err.println("note: " + file + " is an inpainting model (condition " + condition.id() + ", input concat(x, mask, "
                    + (condition.labelled() ? "onehot(label), " : "") + "t)); used with nothing observed (mask 0), i.e. plain generation");
        }
        return checkpoint;
    }

    /** Something that writes lines to a file, or to standard output for "-". */
    interface Body {
        void write(Writer w) throws IOException;
    }

    static void writeTo(String target, PrintStream out, Body body) throws IOException {
        if (target.equals("-")) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        } else {
            try (Writer w = Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
                body.write(w);
            } catch (NoSuchFileException e) {
                throw new UsageException("cannot write " + target + ": no such directory");
            }
        }
    }
}
