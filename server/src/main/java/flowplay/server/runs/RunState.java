package flowplay.server.runs;

import java.util.Locale;

/** The life of a run: queued → running → done | failed | cancelled (a queued run may be cancelled directly). */
public enum RunState {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    /** The lower-case name used in JSON and on the page. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
