package flowplay.server.runs;

import flowplay.core.data.UserPoints;
import flowplay.core.settings.SettingException;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;

import java.time.Duration;

/**
 * Server-side caps on one run, each at most the settings table's own bound: the most steps a run may ask for, the
 * wall-clock time it may train before it is stopped, checkpointed and failed, the largest network and batch, and how
 * many of the user's points (and bytes of CSV) a run may bring.
 */
public record RunLimits(long maxSteps, Duration maxRunTime, int maxWidth, int maxDepth, int maxBatch, int maxPoints, int maxUploadBytes) {
    public static final long STEPS_BOUND = bound("steps");
    public static final int WIDTH_BOUND = (int) bound("width");
    public static final int DEPTH_BOUND = (int) bound("depth");
    public static final int BATCH_BOUND = (int) bound("batch");
    public static final RunLimits DEFAULT = new RunLimits(STEPS_BOUND, Duration.ofSeconds(600));

    public RunLimits {
        check("maxSteps", maxSteps, 1, STEPS_BOUND);
        if (maxRunTime.isNegative() || maxRunTime.isZero()) {
            throw new IllegalArgumentException("maxRunTime must be positive, not " + maxRunTime);
        }
        check("maxWidth", maxWidth, 1, WIDTH_BOUND);
        check("maxDepth", maxDepth, 1, DEPTH_BOUND);
        check("maxBatch", maxBatch, 1, BATCH_BOUND);
        check("maxPoints", maxPoints, UserPoints.MIN_POINTS, UserPoints.MAX_POINTS);
        check("maxUploadBytes", maxUploadBytes, 1, UserPoints.MAX_BYTES);
    }

    /** Caps on steps and time only; the network, batch and points may go up to the settings table's bounds. */
    public RunLimits(long maxSteps, Duration maxRunTime) {
        this(maxSteps, maxRunTime, WIDTH_BOUND, DEPTH_BOUND, BATCH_BOUND, UserPoints.MAX_POINTS, UserPoints.MAX_BYTES);
    }

    /** The cap in seconds as people write it: "600", or "0.25" for a sub-second cap in tests. */
    public String maxRunSecondsText() {
        long ms = maxRunTime.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    /** The server's cap on a train setting it limits (steps, width, depth, batch), or -1 for one it leaves to the table. */
    public long cap(String setting) {
        switch (setting) {
            case "steps":
                return maxSteps;
            case "width":
                return maxWidth;
            case "depth":
                return maxDepth;
            case "batch":
                return maxBatch;
            default:
                return -1;
        }
    }

    /** Refuses settings above this server's caps, naming the setting and the server's range (400 from the API). */
    public void enforce(SettingValues settings) {
        for (String name : new String[] {"steps", "width", "depth", "batch"}) {
            long value = settings.getLong(name);
            long cap = cap(name);
            if (value > cap) {
                long min = (long) Settings.find(Settings.TRAIN, name).min();
                throw new SettingException(name, "at most " + cap + " on this server, not " + value, "integer in [" + min + ", " + cap + "]");
            }
        }
    }

    private static long bound(String setting) {
        return (long) Settings.find(Settings.TRAIN, setting).max();
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], not " + value);
        }
    }
}
