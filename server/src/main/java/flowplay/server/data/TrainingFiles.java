package flowplay.server.data;

import flowplay.core.data.FileDatasets;
import flowplay.core.data.PointsFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The file data sets shipped in the jar as {@code /training-data/<name>.csv} (copied there from the repository's
 * {@code training-data/} folder by the build), one per {@link FileDatasets#NAMES name}, parsed with the shared
 * {@code PointsParser}. Read and checked once; {@code serve} and {@code train} ask for them at start-up, so a missing
 * or malformed file stops the program with the file named instead of failing a run later.
 */
public final class TrainingFiles {
    static final String FOLDER = "/training-data/";
    private static volatile TrainingFiles shipped;

    private final Map<String, float[]> points;

    private TrainingFiles(Map<String, float[]> points) {
        this.points = points;
    }

    /** The files in the jar (or on the test class path); {@link IllegalStateException} naming a bad or missing one. */
    public static TrainingFiles shipped() {
        TrainingFiles t = shipped;
        if (t == null) {
            synchronized (TrainingFiles.class) {
                if (shipped == null) {
                    shipped = load(TrainingFiles.class::getResourceAsStream);
                }
                t = shipped;
            }
        }
        return t;
    }

    /** Reads every listed file through {@code open} (a resource path to a stream, or null when there is none). */
    static TrainingFiles load(Function<String, InputStream> open) {
        Map<String, float[]> all = new LinkedHashMap<>();
        for (String name : FileDatasets.NAMES) {
            String path = FOLDER + FileDatasets.fileName(name);
            String text;
            try (InputStream in = open.apply(path)) {
                if (in == null) {
                    throw new IllegalStateException("file data set '" + name + "': " + path + " is not in the jar");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("file data set '" + name + "': cannot read " + path + ": " + e.getMessage(), e);
            }
            try {
                all.put(name, FileDatasets.parse(text));
            } catch (PointsFormatException e) {
                throw new IllegalStateException("file data set '" + name + "': " + path + " " + e.getMessage(), e);
            }
        }
        return new TrainingFiles(Map.copyOf(all));
    }

    /** The points of a file data set (row-major x, y; do not modify), or null for a name that is not one. */
    public float[] points(String name) {
        return points.get(name);
    }

    public int size() {
        return points.size();
    }
}
