package flowplay.server.runs;

/** A state change as published to subscribers; {@code reason} is null unless the run failed or was cancelled. */
public record RunStatus(RunState state, String reason) {
}
