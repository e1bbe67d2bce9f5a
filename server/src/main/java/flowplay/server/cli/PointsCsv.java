package flowplay.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Point sets as CSV: one point per line, its coordinates separated by commas, no header (what {@code sample}
 * writes, {@code sample --x0} reads back). Blank lines are skipped; anything else that is not exactly {@code dim}
 * finite numbers is refused with the file and line named.
 */
final class PointsCsv {
    private PointsCsv() {
    }

    /** Points read from a file: row-major n×dim. */
    record Points(float[] data, int n, int dim) {
    }

    /** The points as row-major n×dim. */
    static float[] read(Path file, int dim) throws IOException {
        return read(null, file, dim).data();
    }

    /**
     * The points as row-major n×dim; {@code dim} &lt; 0 takes the column count of the first line. Errors start with
     * {@code flag} (when not null) and name the file and line.
     */
    static Points read(String flag, Path file, int dim) throws IOException {
        String prefix = flag == null ? "" : flag + ": ";
        FloatList values = new FloatList();
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",", -1);
                if (dim < 0) {
                    dim = parts.length;
                }
                if (parts.length != dim) {
                    throw new UsageException(prefix + file + " line " + lineNo + ": expected " + dim
                            + " numbers separated by commas, got '" + shorten(line.trim()) + "'");
                }
                for (String p : parts) {
                    values.add(number(prefix, file, lineNo, p.trim()));
                }
            }
        } catch (NoSuchFileException e) {
            throw new UsageException(prefix + "cannot read " + file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UsageException(prefix + file + " line " + (lineNo + 1) + ": not UTF-8 text");
        }
        if (values.size() == 0) {
            throw new UsageException(prefix + file + ": no points (expected lines of " + (dim < 0 ? "d" : String.valueOf(dim))
                    + " comma-separated numbers)");
        }
        return new Points(values.toArray(), values.size() / dim, dim);
    }

    private static String shorten(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    private static float number(String prefix, Path file, int lineNo, String text) {
        float v;
        try {
            v = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new UsageException(prefix + file + " line " + lineNo + ": '" + text + "' is not a number");
        }
        if (!Float.isFinite(v)) {
            throw new UsageException(prefix + file + " line " + lineNo + ": '" + text + "' is not a finite number");
        }
        return v;
    }

    static void write(Writer out, float[] points, int n, int dim) throws IOException {
        write(out, points, n, dim, null);
    }

    /** As {@link #write(Writer, float[], int, int)}, each line ending with the point's label when {@code labels} is not null. */
    static void write(Writer out, float[] points, int n, int dim, int[] labels) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            line.setLength(0);
            for (int d = 0; d < dim; d++) {
                if (d > 0) {
                    line.append(',');
                }
                line.append(points[i * dim + d]);
            }
            if (labels != null) {
                line.append(',').append(labels[i]);
            }
            line.append('\n');
            out.write(line.toString());
        }
    }

    /** A growable float array, to avoid boxing a hundred thousand points. */
    private static final class FloatList {
        private float[] data = new float[256];
        private int size;

        void add(float v) {
            if (size == data.length) {
                float[] bigger = new float[size * 2];
                System.arraycopy(data, 0, bigger, 0, size);
                data = bigger;
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            float[] out = new float[size];
            System.arraycopy(data, 0, out, 0, size);
            return out;
        }
    }
}
