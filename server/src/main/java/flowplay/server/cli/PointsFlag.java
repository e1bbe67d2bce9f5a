package flowplay.server.cli;

import flowplay.core.data.PointsFormatException;
import flowplay.core.data.UserPoints;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code train --points FILE}: the user's own points for {@code --dataset points}, read with the same rules and
 * limits as the HTTP API and the page ({@link UserPoints}). Required with that data set, refused with any other; every
 * fault is one usage line naming {@code --points}, the file and, where there is one, the line.
 */
final class PointsFlag {
    static final String NAME = "--points";

    private PointsFlag() {
    }

    static void addTo(CommandSpec spec) {
        Options.add(spec, NAME, "FILE", "With --dataset points: the points to train on, a CSV file of x,y lines ("
                + UserPoints.MIN_POINTS + " to " + UserPoints.MAX_POINTS + " points, at most " + UserPoints.MAX_BYTES
                + " bytes; an optional header line)");
    }

    /** The points, or null when the data set is not {@code points}. */
    static float[] read(ParseResult parsed, String dataset) {
        boolean wanted = UserPoints.NAME.equals(dataset);
        String file = Options.string(parsed, NAME, null);
        if (file == null) {
            if (wanted) {
                throw new UsageException(NAME + ": required with --dataset " + UserPoints.NAME + " (a CSV file of x,y lines)");
            }
            return null;
        }
        if (!wanted) {
            throw new UsageException(NAME + ": only with --dataset " + UserPoints.NAME + ", not with --dataset " + dataset);
        }
        Path path = Path.of(file);
        String text;
        try {
            long size = Files.size(path);
            if (size > UserPoints.MAX_BYTES) {
                throw new UsageException(NAME + ": " + file + ": too many bytes: " + size + " > " + UserPoints.MAX_BYTES);
            }
            text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(NAME + ": cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new UsageException(NAME + ": cannot read " + file + ": " + e.getMessage());
        }
        try {
            return UserPoints.parse(text);
        } catch (PointsFormatException e) {
            throw new UsageException(NAME + ": " + file + ": " + e.getMessage());
        }
    }
}
