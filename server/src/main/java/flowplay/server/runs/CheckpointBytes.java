package flowplay.server.runs;

/** A serialised checkpoint and the step it was taken at; the bytes are never modified after publication. */
public record CheckpointBytes(long step, byte[] bytes) {
}
