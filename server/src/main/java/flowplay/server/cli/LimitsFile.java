package flowplay.server.cli;

import flowplay.core.settings.Setting;
import flowplay.core.settings.SettingException;
import flowplay.core.settings.Settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code serve --limits FILE}: one {@code name=value} line per limit, the names of the limits table ({@code maxWidth=128});
 * blank lines and lines starting with {@code #} are skipped. Each line is checked against its row here, so a mistake is
 * reported with the file, line and the range the row allows, before the server starts.
 */
final class LimitsFile {
    private LimitsFile() {
    }

    /** The file's values by name (canonical text), or a {@link UsageException} naming the file, line and key. */
    static Map<String, String> read(Path file, List<Setting> table) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException("--limits " + file + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "--limits " + file + ": line " + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new UsageException(where + "expected name=value, found '" + shorten(line) + "'");
            }
            String name = line.substring(0, eq).strip();
            Setting row = Settings.find(table, name);
            if (row == null) {
                throw new UsageException(where + "unknown limit '" + shorten(name) + "' (allowed: one of "
                        + String.join(", ", Settings.names(table)) + ")");
            }
            if (values.containsKey(name)) {
                throw new UsageException(where + name + " is set twice");
            }
            try {
                values.put(name, row.normalize(line.substring(eq + 1)));
            } catch (SettingException e) {
                throw new UsageException(where + e.getMessage());
            }
        }
        return values;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
