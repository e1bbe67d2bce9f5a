package flowplay.server.runs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The newest state, progress and checkpoint of one run, each in a slot that a publish overwrites. Publishing never
 * waits for a reader: the training thread stores the value, then pokes the watchers, which must only schedule work.
 * Readers compare sequence numbers to see what is new, so a slow reader skips straight to the latest value instead
 * of working through a backlog. Sequence numbers are global across the slots, so "newer than" also gives the order
 * in which things happened (the final checkpoint before the "done" state).
 */
public final class RunEvents {
    /**
     * One slot's content: the value, its place in the order of publications, and the wall-clock time it was published
     * (epoch ms, sent with progress so that a client can tell how stale a report is).
     */
    public record Slot<T>(long seq, T value, long publishedMillis) {
    }

    private final AtomicLong seq = new AtomicLong();
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private volatile Slot<RunStatus> state;
    private volatile Slot<Progress> progress;
    private volatile Slot<CheckpointBytes> checkpoint;

    public void publish(RunStatus value) {
        state = new Slot<>(seq.incrementAndGet(), value, System.currentTimeMillis());
        poke();
    }

    public void publish(Progress value) {
        progress = new Slot<>(seq.incrementAndGet(), value, System.currentTimeMillis());
        poke();
    }

    public void publish(CheckpointBytes value) {
        checkpoint = new Slot<>(seq.incrementAndGet(), value, System.currentTimeMillis());
        poke();
    }

    public Slot<RunStatus> state() {
        return state;
    }

    public Slot<Progress> progress() {
        return progress;
    }

    public Slot<CheckpointBytes> checkpoint() {
        return checkpoint;
    }

    /** Registers a callback run after every publish, on the publishing thread: it must return at once. */
    public void watch(Runnable watcher) {
        watchers.add(watcher);
    }

    public void unwatch(Runnable watcher) {
        watchers.remove(watcher);
    }

    /** How many watchers (stream subscribers) the run has now. */
    public int watchers() {
        return watchers.size();
    }

    private void poke() {
        for (Runnable w : watchers) {
            w.run();
        }
    }
}
