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
 * crowd shares a budget of {@link #CHECKPOINTS_PER_SECOND} checkpoint frames a second per run: with more than 50
 * viewers each one's gap grows (100 viewers: 500 ms). A frame held back is sent when its gap has passed (the newest by
 * then); frames still go out in publication order, so the final checkpoint precedes "done".
 */
final class StreamSubscriber implements Runnable {
    private final Session session;
    private final RunEvents events;
    static final long PROGRESS_GAP_NANOS = 100_000_000L;
    static final long CHECKPOINT_GAP_NANOS = 250_000_000L;
    static final int CHECKPOINTS_PER_SECOND = 200;

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
    /** Whether a drain is scheduled for when a held-back frame's gap has passed (written on the drain thread only). */
    private volatile boolean wakeScheduled;
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
        // While a frame is held back, its wake-up will send the newest: no need to queue a drain per publication.
        if (!closed && !inFlight.get() && !wakeScheduled) {
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

    /** Starts sending the oldest unsent slot: SENT, NOTHING new, or HELD back until its gap has passed. */
    private int sendNext() {
        Slot<RunStatus> s = events.state();
        Slot<Progress> p = events.progress();
        Slot<CheckpointBytes> c = events.checkpoint();
        long best = Long.MAX_VALUE;
        int which = -1;
        if (newer(s, sentState) && s.seq() < best) {
            best = s.seq();
            which = 0;
        }
        if (newer(p, sentProgress) && p.seq() < best) {
            best = p.seq();
            which = 1;
        }
        if (newer(c, sentCheckpoint) && c.seq() < best) {
            best = c.seq();
            which = 2;
        }
        long now = System.nanoTime();
        switch (which) {
            case 0:
                sentState = s.seq();
                session.sendText(texts.state(s), callback());
                return SENT;
            case 1:
                if (holdBack(now, progressSentAt, PROGRESS_GAP_NANOS)) {
                    return HELD;
                }
                sentProgress = p.seq();
                progressSentAt = now;
                session.sendText(texts.progress(p), callback());
                return SENT;
            case 2:
                if (holdBack(now, checkpointSentAt, checkpointGap(viewersOfRun.getAsInt()))) {
                    return HELD;
                }
                sentCheckpoint = c.seq();
                checkpointSentAt = now;
                session.sendBinary(ByteBuffer.wrap(c.value().bytes()), callback());
                return SENT;
            default:
                return NOTHING;
        }
    }

    static long checkpointGap(int viewers) {
        return Math.max(CHECKPOINT_GAP_NANOS, viewers * (1_000_000_000L / CHECKPOINTS_PER_SECOND));
    }

    /** True (and a drain scheduled for when it ends) while the last frame of this kind went out less than a gap ago. */
    private boolean holdBack(long now, long sentAt, long gap) {
        long wait = sentAt + gap - now;
        if (wait <= 0) {
            return false;
        }
        if (!wakeScheduled) {
            wakeScheduled = true;
            executor.schedule(() -> {
                wakeScheduled = false;
                drain();
            }, wait, TimeUnit.NANOSECONDS);
        }
        return true;
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
