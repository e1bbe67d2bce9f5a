package flowplay.server.runs;

/**
 * A state change as published to subscribers; {@code reason} is null unless the run failed or was cancelled.
 * {@code queuePosition} is the run's place in the queue while it waits behind others (1 = next to start), else 0.
 */
public record RunStatus(RunState state, String reason, int queuePosition) {
    public RunStatus(RunState state, String reason) {
        this(state, reason, 0);
    }
}
