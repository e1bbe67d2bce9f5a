package flowplay.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.server.limits.SubscriberCount;
import flowplay.server.runs.Run;
import flowplay.server.runs.RunManager;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket {@code /api/runs/{id}/stream}: on connect the newest state, progress and checkpoint, then each newer one
 * as the client keeps up (newest wins). Sends are asynchronous and driven by one small drain thread, so neither
 * training nor Jetty's threads ever wait on a slow socket.
 */
public final class RunStream implements AutoCloseable {
    private static final int CLOSE_UNKNOWN_RUN = 4404;
    /** Try again later (RFC 6455 registry): the run or the server has as many viewers as it serves. */
    static final int CLOSE_TRY_LATER = 1013;
    /** Policy violation (RFC 6455): a subscription from a page of another origin. */
    static final int CLOSE_POLICY = 1008;
    /** Unsupported data (RFC 6455): the stream only speaks; a client that sends messages is dropped. */
    static final int CLOSE_NO_MESSAGES = 1003;
    /**
     * A socket that neither reads nor writes for this long is closed: a client that stalls (its receive buffer full, a
     * frame stuck half sent) is dropped instead of holding its subscription forever. Above the 15 s ping interval, so
     * an idle but live client (a queued run) answers a ping first.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(25);

    private final RunManager runs;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService drains = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ws-drain");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Per run id; a few hundred bytes each, kept while the server runs like the runs themselves. */
    private final Map<String, FrameTexts> texts = new ConcurrentHashMap<>();

    private final SubscriberCount viewers;

    private record Subscription(Run run, StreamSubscriber subscriber) {
    }

    public RunStream(RunManager runs, ObjectMapper mapper, SubscriberCount viewers) {
        this.runs = runs;
        this.mapper = mapper;
        this.viewers = viewers;
    }

    public void register(RoutesConfig routes) {
        routes.ws("/api/runs/{id}/stream", ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(this::refuse);
            ws.onBinaryMessage(this::refuse);
            ws.onClose(ctx -> disconnect(ctx));
            ws.onError(ctx -> disconnect(ctx));
        });
    }

    private void connect(WsContext ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !CrossSite.sameOrigin(origin, ctx.header("Host"))) {
            // A page on another site must not read a run's stream with the visitor's browser (cross-site WebSocket hijacking);
            // browsers always send Origin, other clients (curl, the tests' Java client) need not.
            ctx.closeSession(CLOSE_POLICY, "origin " + origin + " may not subscribe");
            return;
        }
        String id = ctx.pathParam("id");
        Optional<Run> run = runs.find(id);
        if (run.isEmpty()) {
            ctx.closeSession(CLOSE_UNKNOWN_RUN, "no run " + id);
            return;
        }
        String refused = viewers.admit(id);
        if (refused != null) {
            ctx.closeSession(CLOSE_TRY_LATER, refused);
            return;
        }
        // Keeps idle sockets (a long queue, a paused client) from timing out.
        ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
        ctx.session.setIdleTimeout(IDLE_TIMEOUT);
        StreamSubscriber subscriber = new StreamSubscriber(ctx.session, run.get().events(),
                texts.computeIfAbsent(id, k -> new FrameTexts(mapper)), drains, () -> viewers.of(id));
        subscriptions.put(ctx.sessionId(), new Subscription(run.get(), subscriber));
        run.get().events().watch(subscriber);
        subscriber.run();
    }

    /** The WebSocket clients streaming a run now (for the metrics): the viewers admitted and not yet gone. */
    public int subscribers() {
        return viewers.total();
    }

    /** Subscribers have nothing to say: one that sends a message is dropped at once, without waiting for its close reply. */
    private void refuse(WsContext ctx) {
        disconnect(ctx);
        ctx.closeSession(CLOSE_NO_MESSAGES, "this stream takes no messages");
    }

    private void disconnect(WsContext ctx) {
        Subscription s = subscriptions.remove(ctx.sessionId());
        if (s != null) {
            s.subscriber().close();
            s.run().events().unwatch(s.subscriber());
            viewers.leave(s.run().id());
        }
    }

    @Override
    public void close() {
        drains.shutdownNow();
    }
}
