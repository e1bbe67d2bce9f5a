package flowplay.server.api;

/** A request the API refuses, with the HTTP status to answer and, when one input is to blame, its name. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String field;
    private final String allowed;

    public ApiException(int status, String message, String field) {
        this(status, message, field, null);
    }

    public ApiException(int status, String message, String field, String allowed) {
        super(message);
        this.status = status;
        this.field = field;
        this.allowed = allowed;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what, null);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** What the field accepts, or null. */
    public String allowed() {
        return allowed;
    }
}
