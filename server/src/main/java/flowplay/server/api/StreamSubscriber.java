package flowplay.server.api;

import flowplay.server.runs.CheckpointBytes;
import flowplay.server.runs.Progress;
import flowplay.server.runs.RunEvents;
import flowplay.server.runs.RunEvents.Slot;
import flowplay.server.runs.RunStatus;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket's drain. At most one frame is in flight per socket; when Jetty reports it written, the drain looks at
 * the run's slots and sends whichever value is newer than what this client last got, oldest publication first. A slow
 * client therefore receives fewer, fresher frames; nothing queues up for it, and the training thread only ever pokes.
 *
 * <p>Progress and checkpoints also go out at most {@link #PROGRESS_GAP_NANOS every 100 ms} and
 * {@link #CHECKPOINT_GAP_NANOS every 250 ms} per socket: a chart and a sampler cannot show more, and two hundred
 * viewers of a fast run would otherwise take the cores the run trains on. Checkpoints are the bulk of the bytes, so a
 * crowd shares a budget of {@link #CHECKPOINTS_PER_SECOND} checkpoint frames a second per run: with more than 12
 * viewers each one's gap grows (100 viewers: 2 s). A frame held back is sent when its gap has passed (the newest by
 * then); a state still waits for what was published before it, so the final checkpoint precedes "done".
 */
final class StreamSubscriber implements Runnable {
    private final Session session;
    private final RunEvents events;
    static final long PROGRESS_GAP_NANOS = 100_000_000L;
    static final long CHECKPOINT_GAP_NANOS = 250_000_000L;
    static final int CHECKPOINTS_PER_SECOND = 50;

    private final FrameTexts texts;
    private final ScheduledExecutorService executor;
    private final IntSupplier viewersOfRun;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile boolean closed;
    // Touched only by the thread holding inFlight.
    private long sentState;
    private long sentProgress;
    private long sentCheckpoint;
    private long progressSentAt = System.nanoTime() - PROGRESS_GAP_NANOS;
    private long checkpointSentAt = System.nanoTime() - CHECKPOINT_GAP_NANOS;
    /** When the next scheduled drain is due (System.nanoTime), NO_WAKE when none is; written on the drain thread only. */
    private volatile long wakeAt = NO_WAKE;
    private static final long NO_WAKE = Long.MAX_VALUE;
    private static final int SENT = 0;
    private static final int NOTHING = 1;
    private static final int HELD = 2;

    StreamSubscriber(Session session, RunEvents events, FrameTexts texts, ScheduledExecutorService executor, IntSupplier viewersOfRun) {
        this.session = session;
        this.events = events;
        this.texts = texts;
        this.executor = executor;
        this.viewersOfRun = viewersOfRun;
    }

    /** The watcher hook, called on the publishing thread: hand the work to the executor and return. */
    @Override
    public void run() {
        // A wake-up due within a progress gap will send the newest anyway: no need to queue a drain per publication
        // (a fast run publishes hundreds a second to each of a crowd's sockets). A new state is never kept waiting.
        if (!closed && !inFlight.get() && (wakeAt == NO_WAKE || wakeAt - System.nanoTime() > PROGRESS_GAP_NANOS
                || newer(events.state(), sentState))) {
            executor.execute(this::drain);
        }
    }

    void close() {
        closed = true;
    }

    private void drain() {
        while (!closed && inFlight.compareAndSet(false, true)) {
            int outcome = sendNext();
            if (outcome == SENT) {
                return;
            }
            inFlight.set(false);
            if (outcome == HELD) {
                return; // the scheduled wake-up drains again
            }
            // A publish may have come between finding nothing and releasing the flag, and its poke saw us busy.
            if (!pending()) {
                return;
            }
        }
    }

    private boolean pending() {
        return newer(events.state(), sentState) || newer(events.progress(), sentProgress) || newer(events.checkpoint(), sentCheckpoint);
    }

    /**
     * Starts sending the next frame: SENT, NOTHING new, or HELD until a gap has passed (a wake-up is scheduled). A state
     * waits until everything published before it has gone out (the final checkpoint precedes "done"), and nothing
     * newer overtakes a waiting state; progress and checkpoints go out, oldest first, as their gaps allow, so a
     * checkpoint held for a crowd does not hold up the progress behind it.
     */
    private int sendNext() {
        Slot<RunStatus> s = events.state();
        Slot<Progress> p = events.progress();
        Slot<CheckpointBytes> c = events.checkpoint();
        boolean sNew = newer(s, sentState);
        boolean pNew = newer(p, sentProgress);
        boolean cNew = newer(c, sentCheckpoint);
        if (sNew && (!pNew || p.seq() > s.seq()) && (!cNew || c.seq() > s.seq())) {
            sentState = s.seq();
            session.sendText(texts.state(s), callback());
            return SENT;
        }
        long now = System.nanoTime();
        long limit = sNew ? s.seq() : Long.MAX_VALUE;
        long pWait = pNew ? progressSentAt + PROGRESS_GAP_NANOS - now : Long.MAX_VALUE;
        long cWait = cNew ? checkpointSentAt + checkpointGap(viewersOfRun.getAsInt()) - now : Long.MAX_VALUE;
        boolean pOk = pNew && pWait <= 0 && p.seq() < limit;
        boolean cOk = cNew && cWait <= 0 && c.seq() < limit;
        if (pOk && (!cOk || p.seq() < c.seq())) {
            sentProgress = p.seq();
            progressSentAt = now;
            session.sendText(texts.progress(p), callback());
            return SENT;
        }
        if (cOk) {
            sentCheckpoint = c.seq();
            checkpointSentAt = now;
            session.sendBinary(ByteBuffer.wrap(c.value().bytes()), callback());
            return SENT;
        }
        long wait = Math.min(pWait > 0 ? pWait : Long.MAX_VALUE, cWait > 0 ? cWait : Long.MAX_VALUE);
        if (wait == Long.MAX_VALUE) {
            return NOTHING;
        }
        wakeAt(now + wait);
        return HELD;
    }

    static long checkpointGap(int viewers) {
        return Math.max(CHECKPOINT_GAP_NANOS, viewers * (1_000_000_000L / CHECKPOINTS_PER_SECOND));
    }

    /** Schedules a drain at {@code when} (System.nanoTime) unless one is already due by then. Drain thread only. */
    private void wakeAt(long when) {
        if (wakeAt == NO_WAKE || when - wakeAt < 0) {
            wakeAt = when;
            executor.schedule(() -> {
                if (wakeAt == when) {
                    wakeAt = NO_WAKE;
                }
                drain();
            }, when - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
    }

    private Callback callback() {
        return Callback.from(() -> {
            inFlight.set(false);
            executor.execute(this::drain);
        }, failure -> {
            closed = true;
            inFlight.set(false);
        });
    }

    private static boolean newer(Slot<?> slot, long sent) {
        return slot != null && slot.seq() > sent;
    }
}
