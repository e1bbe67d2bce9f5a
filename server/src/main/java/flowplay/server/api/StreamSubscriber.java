package flowplay.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.server.runs.CheckpointBytes;
import flowplay.server.runs.Progress;
import flowplay.server.runs.RunEvents;
import flowplay.server.runs.RunEvents.Slot;
import flowplay.server.runs.RunStatus;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket's drain. At most one frame is in flight per socket; when Jetty reports it written, the drain looks at
 * the run's slots and sends whichever value is newer than what this client last got, oldest publication first. A slow
 * client therefore receives fewer, fresher frames; nothing queues up for it, and the training thread only ever pokes.
 */
final class StreamSubscriber implements Runnable {
    private final Session session;
    private final RunEvents events;
    private final ObjectMapper mapper;
    private final Executor executor;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile boolean closed;
    // Touched only by the thread holding inFlight.
    private long sentState;
    private long sentProgress;
    private long sentCheckpoint;

    StreamSubscriber(Session session, RunEvents events, ObjectMapper mapper, Executor executor) {
        this.session = session;
        this.events = events;
        this.mapper = mapper;
        this.executor = executor;
    }

    /** The watcher hook, called on the publishing thread: hand the work to the executor and return. */
    @Override
    public void run() {
        if (!closed && !inFlight.get()) {
            executor.execute(this::drain);
        }
    }

    void close() {
        closed = true;
    }

    private void drain() {
        while (!closed && inFlight.compareAndSet(false, true)) {
            if (sendNext()) {
                return;
            }
            inFlight.set(false);
            // A publish may have come between finding nothing and releasing the flag, and its poke saw us busy.
            if (!pending()) {
                return;
            }
        }
    }

    private boolean pending() {
        return newer(events.state(), sentState) || newer(events.progress(), sentProgress) || newer(events.checkpoint(), sentCheckpoint);
    }

    /** Starts sending the oldest unsent slot; false when there is nothing new. */
    private boolean sendNext() {
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
        switch (which) {
            case 0:
                sentState = s.seq();
                sendText(RunJson.state(s.value()));
                return true;
            case 1:
                sentProgress = p.seq();
                sendText(RunJson.progress(p.value(), p.publishedMillis()));
                return true;
            case 2:
                sentCheckpoint = c.seq();
                session.sendBinary(ByteBuffer.wrap(c.value().bytes()), callback());
                return true;
            default:
                return false;
        }
    }

    private void sendText(Object json) {
        String text;
        try {
            text = mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        session.sendText(text, callback());
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
