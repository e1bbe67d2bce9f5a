package flowplay.server.runs;

/** A training progress report: the step reached, the mean loss since the previous report, and the recent speed. */
public record Progress(long step, double loss, double stepsPerSecond) {
}
