package flowplay.core.checkpoint;

/** A checkpoint that cannot be used; the message says what is wrong with it. */
public final class CheckpointFormatException extends RuntimeException {
    public CheckpointFormatException(String message) {
        super(message);
    }
}
