package flowplay.server.api;

import flowplay.server.runs.RunManager;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Requests that address a run log under its id; others, and made-up ids, under none. */
class RunLogContextTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        // Each handler answers the run it sees in the MDC. Jetty reuses its threads: repeated mixed requests catch a leftover id.
        Handler mdc = ctx -> ctx.result(String.valueOf(MDC.get(RunManager.MDC_RUN)));
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            RunLogContext.register(config.routes);
            config.routes.get("/api/runs/{id}", mdc);
            config.routes.get("/api/runs/{id}/checkpoints/{step}", mdc);
            config.routes.get("/api/runs", mdc);
            config.routes.get("/health", mdc);
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private String seen(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    @Test
    void theRunOfTheRequestIsInTheMdcAndGoneAfterwards() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertEquals("3fa2c1", seen("/api/runs/3fa2c1"));
            assertEquals("3fa2c1", seen("/api/runs/3fa2c1/checkpoints/50"));
            assertEquals("null", seen("/api/runs"), "a request after one for a run does not inherit its id");
            assertEquals("null", seen("/health"));
        }
    }

    @Test
    void idsThatTheServerNeverMakesStayOutOfTheLogs() throws Exception {
        assertEquals("null", seen("/api/runs/not-hex"));
        assertEquals("null", seen("/api/runs/ABC"));
        assertEquals("null", seen("/api/runs/aa%0Afake%20line"));
        assertEquals("null", seen("/api/runs/" + "a".repeat(17)));
    }
}
