package flowplay.server.api;

import flowplay.server.runs.RunManager;
import io.javalin.config.RoutesConfig;
import org.slf4j.MDC;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the run a request addresses ({@code /api/runs/{id}…}) in the log MDC for the request's lines, as the training
 * thread does for its run, so one filter on {@code run} finds everything about it. Only well-formed ids (the server's
 * lower-case hex) are taken: a client's made-up id must not smuggle text into the logs.
 */
public final class RunLogContext {
    private static final Pattern RUN_PATH = Pattern.compile("/api/runs/([0-9a-f]{1,16})(/.*)?");

    private RunLogContext() {
    }

    public static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            // Jetty reuses threads: never let a previous request's run stay behind.
            MDC.remove(RunManager.MDC_RUN);
            Matcher m = RUN_PATH.matcher(ctx.path());
            if (m.matches()) {
                MDC.put(RunManager.MDC_RUN, m.group(1));
            }
        });
        routes.after(ctx -> MDC.remove(RunManager.MDC_RUN));
    }
}
