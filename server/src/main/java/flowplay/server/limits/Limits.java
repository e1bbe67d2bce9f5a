package flowplay.server.limits;

import flowplay.core.data.UserPoints;
import flowplay.core.settings.Setting;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.server.runs.RunLimits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a public server limits, as one table of rows like the train settings: the rows give {@code serve}'s flags,
 * the keys of a {@code --limits} file, the validation, the start-up print and {@code GET /api/limits}, so a limit added
 * here appears in all of them. Caps on a train setting are bounded by that setting's own table bound.
 */
public record Limits(int workers, int queue, RunLimits run, int runsPerMinute, int runBurst, boolean trustProxy, int subscribersPerRun,
                     int subscribers) {
    public static final List<Setting> TABLE = table(Runtime.getRuntime().availableProcessors());

    /** The table for a machine with this many cores (the default of {@code workers}). */
    static List<Setting> table(int cores) {
        return List.of(
                Setting.integer("workers", cores, 1, 1024, "Runs trained at once, one per core").withFlag("workers"),
                Setting.integer("queue", 16, 1, 1000, "Runs that may wait for a worker; beyond them a new run is refused with 429")
                        .withFlag("queue"),
                Setting.integer("maxSteps", RunLimits.STEPS_BOUND, 1, RunLimits.STEPS_BOUND,
                        "Most training steps a run may ask for; more is refused with 400").withFlag("max-steps"),
                Setting.integer("maxRunSeconds", 600, 1, 7 * 24 * 3600,
                        "Wall-clock cap per run: a run training longer is stopped, checkpointed and failed").withFlag("max-run-seconds"),
                Setting.integer("runsPerMinute", 10, 0, 100_000,
                        "Runs one client (remote address) may start per minute, on average; 0 = no per-client limit").withFlag("runs-per-minute"),
                Setting.integer("runBurst", 5, 1, 100_000, "Runs one client may start at once before runsPerMinute paces it")
                        .withFlag("run-burst"),
                Setting.choice("trustProxy", "false", List.of("false", "true"),
                        "Behind a reverse proxy: the client is the rightmost X-Forwarded-For address, not the connection's")
                        .withFlag("trust-proxy"),
                Setting.integer("maxWidth", 256, 1, RunLimits.WIDTH_BOUND, "Most units per hidden layer a run may ask for")
                        .withFlag("max-width"),
                Setting.integer("maxDepth", RunLimits.DEPTH_BOUND, 1, RunLimits.DEPTH_BOUND, "Most hidden layers a run may ask for")
                        .withFlag("max-depth"),
                Setting.integer("maxBatch", 1024, 1, RunLimits.BATCH_BOUND, "Largest batch a run may ask for").withFlag("max-batch"),
                Setting.integer("maxPoints", UserPoints.MAX_POINTS, UserPoints.MIN_POINTS, UserPoints.MAX_POINTS,
                        "Most points a user may upload for dataset=points").withFlag("max-points"),
                Setting.integer("maxUploadBytes", UserPoints.MAX_BYTES, 1024, UserPoints.MAX_BYTES,
                        "Largest CSV text of points a user may upload, in bytes").withFlag("max-upload-bytes"),
                Setting.integer("subscribersPerRun", 250, 1, 100_000,
                        "WebSocket viewers of one run; more are closed with 1013 (try again later)").withFlag("subscribers-per-run"),
                Setting.integer("subscribers", 1000, 1, 1_000_000, "WebSocket viewers of all runs together; more are closed with 1013")
                        .withFlag("subscribers"));
    }

    public Limits {
        if (runBurst < 1 || runsPerMinute < 0 || subscribersPerRun < 1 || subscribers < 1 || workers < 1 || queue < 1) {
            throw new IllegalArgumentException("workers, queue, runBurst and the subscriber caps must be at least 1 and runsPerMinute"
                    + " at least 0, not " + workers + ", " + queue + ", " + runBurst + ", " + subscribersPerRun + ", " + subscribers
                    + " and " + runsPerMinute);
        }
    }

    /** Every limit at its default. */
    public static Limits defaults() {
        return parse(Map.of());
    }

    /** Limits from raw text by row name, defaults for the rest; a bad or unknown one throws the table's SettingException. */
    public static Limits parse(Map<String, String> raw) {
        return of(Settings.parse(TABLE, raw));
    }

    /** Limits from values the table validated. */
    public static Limits of(SettingValues v) {
        RunLimits run = new RunLimits(v.getLong("maxSteps"), Duration.ofSeconds(v.getLong("maxRunSeconds")), v.getInt("maxWidth"),
                v.getInt("maxDepth"), v.getInt("maxBatch"), v.getInt("maxPoints"), v.getInt("maxUploadBytes"));
        return new Limits(v.getInt("workers"), v.getInt("queue"), run, v.getInt("runsPerMinute"), v.getInt("runBurst"),
                Boolean.parseBoolean(v.getString("trustProxy")), v.getInt("subscribersPerRun"), v.getInt("subscribers"));
    }

    /** The same limits with another pool and per-run caps (what a RunManager built without a table runs under). */
    public Limits with(int workers, int queue, RunLimits run) {
        return new Limits(workers, queue, run, runsPerMinute, runBurst, trustProxy, subscribersPerRun, subscribers);
    }

    /** Each row's effective value, by name in table order: numbers as numbers, trustProxy as a boolean. */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workers", workers);
        m.put("queue", queue);
        m.put("maxSteps", run.maxSteps());
        m.put("maxRunSeconds", new java.math.BigDecimal(run.maxRunSecondsText()));
        m.put("runsPerMinute", runsPerMinute);
        m.put("runBurst", runBurst);
        m.put("trustProxy", trustProxy);
        m.put("maxWidth", run.maxWidth());
        m.put("maxDepth", run.maxDepth());
        m.put("maxBatch", run.maxBatch());
        m.put("maxPoints", run.maxPoints());
        m.put("maxUploadBytes", run.maxUploadBytes());
        m.put("subscribersPerRun", subscribersPerRun);
        m.put("subscribers", subscribers);
        return m;
    }
}
