package flowplay.server.cli;

/** A command line or input file the user has to fix: one line of explanation, exit code 2, no stack trace. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
