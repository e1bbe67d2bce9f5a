package flowplay.core.data;

import java.util.List;

/**
 * The data sets stored as files in {@code training-data/} (provenance and licences in its README): 2-D point tables
 * that the server ships, parses with {@link PointsParser} and trains on as a {@link PointsDataset} with a small jitter.
 * The shared module knows only their names, so that the settings table can offer them; the points themselves reach
 * the browser from the server ({@code GET /api/datasets/{name}}).
 */
public final class FileDatasets {
    /** Each name is the file {@code training-data/<name>.csv}; a server test holds the two lists equal. */
    public static final List<String> NAMES = List.of("faithful", "iris");
    /**
     * Std of the Gaussian noise added to each coordinate of a sampled point: the files are standardised to unit
     * scale, so 0.05 smooths their rounded, repeated values without blurring the clusters.
     */
    public static final double JITTER = 0.05;
    /** Bounds for reading a shipped file: generous, the files are small and checked when the server starts. */
    public static final int MAX_POINTS = 100_000;
    public static final int MAX_BYTES = 4 << 20;

    private FileDatasets() {
    }

    public static boolean contains(String name) {
        return NAMES.contains(name);
    }

    /** The file's name inside {@code training-data/}. */
    public static String fileName(String name) {
        return name + ".csv";
    }

    /** Parses a file data set's text (the shipped CSV) into row-major (x, y) points. */
    public static float[] parse(String text) {
        return PointsParser.parse(text, MAX_POINTS, MAX_BYTES);
    }
}
