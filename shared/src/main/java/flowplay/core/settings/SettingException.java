package flowplay.core.settings;

/** A value a user gave that the settings table refuses; names the field and what it accepts. */
public final class SettingException extends RuntimeException {
    private final String field;
    private final String allowed;

    public SettingException(String field, String problem, String allowed) {
        super(field + ": " + problem + " (allowed: " + allowed + ")");
        this.field = field;
        this.allowed = allowed;
    }

    public String field() {
        return field;
    }

    public String allowed() {
        return allowed;
    }
}
