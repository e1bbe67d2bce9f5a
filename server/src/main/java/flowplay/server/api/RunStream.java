package flowplay.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.server.runs.Run;
import flowplay.server.runs.RunManager;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket {@code /api/runs/{id}/stream}: on connect the newest state, progress and checkpoint, then each newer one
 * as the client keeps up (newest wins). Sends are asynchronous and driven by one small drain thread, so neither
 * training nor Jetty's threads ever wait on a slow socket.
 */
public final class RunStream implements AutoCloseable {
    private static final int CLOSE_UNKNOWN_RUN = 4404;

    private final RunManager runs;
    private final ObjectMapper mapper;
    private final ExecutorService drains = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ws-drain");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    private record Subscription(Run run, StreamSubscriber subscriber) {
    }

    public RunStream(RunManager runs, ObjectMapper mapper) {
        this.runs = runs;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.ws("/api/runs/{id}/stream", ws -> {
            ws.onConnect(this::connect);
            ws.onClose(ctx -> disconnect(ctx));
            ws.onError(ctx -> disconnect(ctx));
        });
    }

    private void connect(WsContext ctx) {
        String id = ctx.pathParam("id");
        Optional<Run> run = runs.find(id);
        if (run.isEmpty()) {
            ctx.closeSession(CLOSE_UNKNOWN_RUN, "no run " + id);
            return;
        }
        // Keeps idle sockets (a long queue, a paused client) from timing out.
        ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
        StreamSubscriber subscriber = new StreamSubscriber(ctx.session, run.get().events(), mapper, drains);
        subscriptions.put(ctx.sessionId(), new Subscription(run.get(), subscriber));
        run.get().events().watch(subscriber);
        subscriber.run();
    }

    private void disconnect(WsContext ctx) {
        Subscription s = subscriptions.remove(ctx.sessionId());
        if (s != null) {
            s.subscriber().close();
            s.run().events().unwatch(s.subscriber());
        }
    }

    @Override
    public void close() {
        drains.shutdownNow();
    }
}
