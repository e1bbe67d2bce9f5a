package flowplay.core.data;

/** Why a points CSV was refused; the message names the line (when there is one) and what is wrong with it. */
public final class PointsFormatException extends IllegalArgumentException {
    private final int line;

    public PointsFormatException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** The 1-based line at fault, or 0 when the problem is the text as a whole (empty, too large, too few points). */
    public int line() {
        return line;
    }
}
