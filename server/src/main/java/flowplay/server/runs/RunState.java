package flowplay.server.runs;

import java.util.Locale;

/**
 * The life of a run: queued → running ⇄ paused → done | failed | cancelled (a queued or paused run may be cancelled
 * directly). A paused run holds its worker, waiting between two steps.
 */
public enum RunState {
    QUEUED, RUNNING, PAUSED, DONE, FAILED, CANCELLED;

    /** The lower-case name used in JSON and on the page. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
