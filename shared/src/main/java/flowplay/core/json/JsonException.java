package flowplay.core.json;

public final class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }
}
