package flowplay.server.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.core.data.UserPoints;
import flowplay.server.data.PointsText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data folder: per run {@code runs/<id>/run.json} (the run's record), {@code runs/<id>/step-<n>.safetensors}
 * (its checkpoints) and, for {@code dataset = points}, {@code runs/<id>/points.csv} (the user's points in
 * {@link PointsText canonical} form, written before the record), each written atomically by {@link AtomicFiles}. A crash can leave only complete files plus
 * hidden {@code .*.tmp} files, which are never listed and are deleted when the folder is loaded.
 */
public final class RunStore {
    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);
    private static final Pattern CHECKPOINT = Pattern.compile("step-(0|[1-9][0-9]{0,17})\\.safetensors");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{1,16}");
    private static final String RECORD = "run.json";
    private static final String POINTS = "points.csv";

    /** One checkpoint file on disk. */
    public record CheckpointFile(long step, long bytes, Path path) {
    }

    private final Path root;
    private final ObjectMapper mapper = new ObjectMapper();

    public RunStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    private Path runsDir() {
        return root.resolve("runs");
    }

    /** Whether {@code id} is a well-formed run id (lower-case hex): only such ids ever become paths. */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Whether anything of a run with this id is on disk (so a new run must not take the id). */
    public boolean exists(String runId) {
        return Files.exists(runsDir().resolve(runId));
    }

    public Path checkpointPath(String runId, long step) {
        return runsDir().resolve(runId).resolve("step-" + step + ".safetensors");
    }

    public void writeCheckpoint(String runId, long step, byte[] bytes) {
        try {
            AtomicFiles.write(checkpointPath(runId, step), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint of run " + runId + " at step " + step + ": " + why(e), e);
        }
    }

    /** The run's complete checkpoints, by step ascending; empty when there are none (or no such run). */
    public List<CheckpointFile> checkpoints(String runId) {
        List<CheckpointFile> found = new ArrayList<>();
        if (!validId(runId)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runsDir().resolve(runId))) {
            for (Path f : files) {
                Matcher m = CHECKPOINT.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f)) {
                    found.add(new CheckpointFile(Long.parseLong(m.group(1)), Files.size(f), f));
                }
            }
        } catch (NoSuchFileException e) {
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints of run " + runId + ": " + why(e), e);
        }
        found.sort((a, b) -> Long.compare(a.step(), b.step()));
        return found;
    }

    /** The bytes of the checkpoint at {@code step}, or null when there is none. */
    public byte[] readCheckpoint(String runId, long step) {
        if (!validId(runId)) {
            return null;
        }
        try {
            return Files.readAllBytes(checkpointPath(runId, step));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint of run " + runId + " at step " + step + ": " + why(e), e);
        }
    }

    /** Stores the points a run trains on, before its record: a recorded points run always has its points. */
    public void writePoints(String runId, float[] xy) {
        try {
            AtomicFiles.write(runsDir().resolve(runId).resolve(POINTS), PointsText.csv(xy).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the points of run " + runId + ": " + why(e), e);
        }
    }

    /**
     * The points a run trains on, or null when it has none on disk; a file that no longer parses (edited by hand) is
     * logged and read as none.
     */
    public float[] readPoints(String runId) {
        if (!validId(runId)) {
            return null;
        }
        Path file = runsDir().resolve(runId).resolve(POINTS);
        try {
            return UserPoints.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read the points of run {}: {}", runId, e.toString());
            return null;
        }
    }

    public void writeRecord(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("settings", r.settings());
        m.put("state", r.state().id());
        m.put("reason", r.reason());
        m.put("created", r.created().toString());
        m.put("finished", r.finished() == null ? null : r.finished().toString());
        m.put("step", r.step());
        m.put("loss", r.loss() == null || !Double.isFinite(r.loss()) ? null : r.loss());
        m.put("checkpointStep", r.checkpointStep());
        try {
            AtomicFiles.write(runsDir().resolve(r.id()).resolve(RECORD), mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record of run " + r.id() + ": " + why(e), e);
        }
    }

    /** Removes a run's folder that holds only its record and points (a run refused right after it was recorded). */
    void deleteRun(String runId) {
        Path dir = runsDir().resolve(runId);
        try {
            Files.deleteIfExists(dir.resolve(RECORD));
            Files.deleteIfExists(dir.resolve(POINTS));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("cannot remove the folder of refused run {}: {}", runId, e.toString());
        }
    }

    /**
     * Reads every run's record, deleting the temp files a crash left behind. A folder without a readable, valid
     * record is skipped with a warning; its files stay where they are.
     */
    public List<RunRecord> loadAll() {
        List<RunRecord> records = new ArrayList<>();
        if (!Files.isDirectory(runsDir())) {
            return records;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir())) {
            for (Path dir : dirs) {
                String id = dir.getFileName().toString();
                if (!Files.isDirectory(dir) || !validId(id)) {
                    continue;
                }
                deleteTempFiles(dir);
                Path file = dir.resolve(RECORD);
                if (!Files.exists(file)) {
                    LOG.warn("skipping run folder {}: no {}", id, RECORD);
                    continue;
                }
                try {
                    records.add(parse(id, Files.readAllBytes(file)));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("skipping run {}: unreadable {}: {}", id, RECORD, e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runs folder " + runsDir() + ": " + e.getMessage(), e);
        }
        return records;
    }

    private RunRecord parse(String id, byte[] bytes) throws IOException {
        JsonNode n = mapper.readTree(bytes);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!id.equals(text(n, "id"))) {
            throw new IllegalArgumentException("id " + text(n, "id") + " does not match the folder");
        }
        JsonNode s = n.get("settings");
        if (s == null || !s.isObject()) {
            throw new IllegalArgumentException("no settings");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            settings.put(e.getKey(), e.getValue().asText());
        }
        RunState state = RunState.valueOf(require(n, "state").toUpperCase(java.util.Locale.ROOT));
        String finished = text(n, "finished");
        JsonNode loss = n.get("loss");
        JsonNode checkpointStep = n.get("checkpointStep");
        JsonNode step = n.get("step");
        return new RunRecord(id, settings, state, text(n, "reason"), Instant.parse(require(n, "created")),
                finished == null ? null : Instant.parse(finished), step == null ? 0 : step.asLong(),
                loss == null || !loss.isNumber() ? null : loss.asDouble(),
                checkpointStep == null || !checkpointStep.isNumber() ? null : checkpointStep.asLong());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String require(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return v;
    }

    /**
     * What went wrong, without the file names: these messages become a failed run's reason, which users see, and the
     * data folder's paths are the server's business (the log keeps them, in the exception's cause).
     */
    static String why(IOException e) {
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void deleteTempFiles(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
                LOG.info("deleted {} left by an interrupted write in run {}", f.getFileName(), dir.getFileName());
            }
        } catch (IOException e) {
            LOG.warn("cannot clean temp files of run {}: {}", dir.getFileName(), e.toString());
        }
    }
}
