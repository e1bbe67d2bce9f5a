package flowplay.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.core.data.FileDatasets;
import flowplay.server.api.AdminAuth;
import flowplay.server.api.CrossSite;
import flowplay.server.api.ErrorMapping;
import flowplay.server.api.HealthApi;
import flowplay.server.api.JsonErrorHandler;
import flowplay.server.api.LimitsApi;
import flowplay.server.api.MetricsApi;
import flowplay.server.api.RunLogContext;
import flowplay.server.api.RunStream;
import flowplay.server.api.RunsApi;
import flowplay.server.api.SecurityHeaders;
import flowplay.server.data.DigitsFile;
import flowplay.server.data.TrainingFiles;
import flowplay.server.limits.Limits;
import flowplay.server.limits.SubscriberCount;
import flowplay.server.ops.HttpMetrics;
import flowplay.server.ops.Metrics;
import flowplay.server.runs.RunManager;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The HTTP server: the runs API, the run stream, and the web client from the classpath folder {@code /web} (the
 * webapp jar). Without that folder — a server built before the client — the API still works and "/" says why.
 */
public final class FlowplayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlowplayServer.class);
    private static final String WEB = "/web";
    /** Room for a user's points: their CSV may be 1 MiB, and a JSON string escapes each line break in two bytes. */
    public static final long MAX_REQUEST_BYTES = 4L << 20;

    private final RunStream stream;
    private final Metrics metrics;
    private final Javalin app;

    /**
     * A server with the manager's pool and run caps, the default viewer caps, no per-client run rate and no admin
     * endpoints: embedded servers (tests, tools) have every request come from one address, which serve's rate is not meant for.
     */
    public FlowplayServer(RunManager runs) {
        this(runs, embedded(runs), AdminAuth.off());
    }

    /** An embedded server (see above) whose admin endpoints answer to {@code admin}. */
    public FlowplayServer(RunManager runs, AdminAuth admin) {
        this(runs, embedded(runs), admin);
    }

    /** {@code limits}: the per-client rate and the viewer caps, and what {@code GET /api/limits} reports. */
    public FlowplayServer(RunManager runs, Limits limits) {
        this(runs, limits, AdminAuth.off());
    }

    public FlowplayServer(RunManager runs, Limits limits, AdminAuth admin) {
        // The shipped file data sets are read and checked now: a bad one stops the server before it listens.
        LOG.info("file data sets: {} ({} files checked)", String.join(", ", FileDatasets.NAMES), TrainingFiles.shipped().size());
        LOG.info("digits: {} images checked", DigitsFile.shipped().size());
        ObjectMapper mapper = new ObjectMapper();
        RunsApi api = new RunsApi(runs, mapper, limits);
        ErrorMapping errors = new ErrorMapping(mapper);
        this.stream = new RunStream(runs, mapper, new SubscriberCount(limits.subscribersPerRun(), limits.subscribers()));
        this.metrics = new Metrics(runs, stream::subscribers);
        boolean client = FlowplayServer.class.getResource(WEB + "/index.html") != null;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JsonErrorHandler(mapper)));
            // Checkpoints are float32 weights, which deflate barely shrinks, and compressing each one again for every
            // browser (all offer permessage-deflate) would cost a classroom's worth of CPU per checkpoint.
            config.jetty.modifyWebSocketServletFactory(f -> f.getAvailableExtensionNames().remove("permessage-deflate"));
            if (client) {
                config.staticFiles.add(WEB, Location.CLASSPATH);
            } else {
                LOG.warn("no web client on the classpath ({}); serving the API only", WEB);
                config.routes.get("/", ctx -> ctx.contentType("text/plain")
                        .result("Flowplay API server. The web client (flowplay-webapp) is not on the classpath.\n"));
            }
            SecurityHeaders.register(config.routes);
            CrossSite.register(config.routes);
            RunLogContext.register(config.routes);
            new HttpMetrics(metrics.registry()).register(config.routes);
            api.register(config.routes);
            new HealthApi(runs, mapper).register(config.routes);
            new LimitsApi(limits, mapper).register(config.routes);
            stream.register(config.routes);
            new MetricsApi(metrics, admin).register(config.routes);
            errors.register(config.routes);
        });
    }

    private static Limits embedded(RunManager runs) {
        return Limits.parse(Map.of("runsPerMinute", "0")).with(runs.readiness().workers(), runs.readiness().queueCapacity(), runs.limits());
    }

    public FlowplayServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
        stream.close();
        metrics.close();
    }

    @Override
    public void close() {
        stop();
    }
}
