package flowplay.server.limits;

import java.util.Map;
import java.util.HashMap;

/**
 * Open run-stream sockets, per run and in all, against their caps: each viewer costs a drain and a copy of every
 * checkpoint, so a crowd on one run (or on all) must not starve training. A refused viewer is told to try again later.
 */
public final class SubscriberCount {
    private final int perRun;
    private final int total;
    private final Map<String, Integer> byRun = new HashMap<>();
    private int all;

    public SubscriberCount(int perRun, int total) {
        this.perRun = perRun;
        this.total = total;
    }

    /** Counts a new viewer of {@code runId}; returns null when admitted, else why not (a WebSocket close reason). */
    public synchronized String admit(String runId) {
        if (all >= total) {
            return "too many viewers on this server (at most " + total + "); try again later";
        }
        int onRun = byRun.getOrDefault(runId, 0);
        if (onRun >= perRun) {
            return "too many viewers of this run (at most " + perRun + "); try again later";
        }
        byRun.put(runId, onRun + 1);
        all++;
        return null;
    }

    /** Forgets an admitted viewer whose socket closed. */
    public synchronized void leave(String runId) {
        Integer onRun = byRun.get(runId);
        if (onRun == null) {
            return;
        }
        if (onRun <= 1) {
            byRun.remove(runId);
        } else {
            byRun.put(runId, onRun - 1);
        }
        all--;
    }

    /** Viewers open on the server. */
    public synchronized int total() {
        return all;
    }

    /** Viewers open on one run. */
    public synchronized int of(String runId) {
        return byRun.getOrDefault(runId, 0);
    }
}
