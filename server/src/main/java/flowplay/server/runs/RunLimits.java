package flowplay.server.runs;

import java.time.Duration;

/**
 * Server-side caps on one run: the most steps a run may ask for (at most the settings table's own bound) and the
 * wall-clock time it may train before it is stopped, checkpointed and failed.
 */
public record RunLimits(long maxSteps, Duration maxRunTime) {
    public static final long STEPS_BOUND = 100_000;
    public static final RunLimits DEFAULT = new RunLimits(STEPS_BOUND, Duration.ofSeconds(600));

    public RunLimits {
        if (maxSteps < 1 || maxSteps > STEPS_BOUND) {
            throw new IllegalArgumentException("maxSteps must be in [1, " + STEPS_BOUND + "], not " + maxSteps);
        }
        if (maxRunTime.isNegative() || maxRunTime.isZero()) {
            throw new IllegalArgumentException("maxRunTime must be positive, not " + maxRunTime);
        }
    }

    /** The cap in seconds as people write it: "600", or "0.25" for a sub-second cap in tests. */
    public String maxRunSecondsText() {
        long ms = maxRunTime.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }
}
