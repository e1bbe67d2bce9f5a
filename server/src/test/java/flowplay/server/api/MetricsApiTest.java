package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics} on a live server: the admin token gate, and the series an operator's dashboard reads. */
class MetricsApiTest {
    private static final String TOKEN = "metrics-test-token-0123456789";
    private static final String BEARER = "Bearer " + TOKEN;

    @TempDir
    Path data;

    @Test
    void withoutAConfiguredTokenAdminEndpointsAre404SayingHowToTurnThemOn() throws Exception {
        try (TestServer s = new TestServer(data)) {
            for (HttpResponse<String> r : List.of(s.get("/metrics"), s.get("/metrics", BEARER))) {
                assertEquals(404, r.statusCode(), r.body());
                assertEquals(AdminAuth.OFF_MESSAGE, TestServer.json(r).get("error").asText());
                assertFalse(r.body().contains("flowplay_runs"), r.body());
            }
        }
    }

    @Test
    void aMissingOrWrongTokenIs401WithAChallengeAndTheSameAnswerForANearMiss() throws Exception {
        try (TestServer s = new TestServer(data, TOKEN)) {
            HttpResponse<String> missing = s.get("/metrics");
            assertEquals(401, missing.statusCode(), missing.body());
            assertEquals(AdminAuth.CHALLENGE, missing.headers().firstValue("WWW-Authenticate").orElse(null));
            JsonNode error = TestServer.json(missing);
            assertEquals("Authorization", error.get("field").asText());
            String nearMiss = BEARER.substring(0, BEARER.length() - 1) + "X";
            for (String wrong : new String[] {"Bearer nope", nearMiss, BEARER + "0", "Basic " + TOKEN, TOKEN}) {
                HttpResponse<String> r = s.get("/metrics", wrong);
                assertEquals(401, r.statusCode(), wrong + ": " + r.body());
                assertEquals(missing.body(), r.body(), "one answer for every wrong token: " + wrong);
                assertEquals(AdminAuth.CHALLENGE, r.headers().firstValue("WWW-Authenticate").orElse(null));
                assertFalse(r.body().contains(TOKEN.substring(0, 8)), r.body());
            }
            assertEquals(200, s.get("/metrics", "bearer  " + TOKEN + " ").statusCode(), "scheme case and spaces as HTTP allows");
        }
    }

    @Test
    void metricsShowRunsQueueSpeedSubscribersAndRouteTemplatesNotIds() throws Exception {
        try (TestServer s = new TestServer(data, TOKEN)) {
            HttpResponse<String> first = s.get("/metrics", BEARER);
            assertEquals(200, first.statusCode(), first.body());
            assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), first.headers().toString());
            String body = first.body();
            assertEquals(0, value(body, "flowplay_runs", "state=\"done\""));
            assertEquals(0, value(body, "flowplay_runs", "state=\"running\""));
            assertEquals(0, value(body, "flowplay_queue_length"));
            assertEquals(8, value(body, "flowplay_queue_capacity"));
            assertEquals(2, value(body, "flowplay_workers"));
            assertEquals(0, value(body, "flowplay_training_steps_per_second"));
            assertEquals(0, value(body, "flowplay_training_steps_total"));
            assertEquals(0, value(body, "flowplay_stream_subscribers"));
            assertTrue(value(body, "jvm_threads_live_threads") > 0, "JVM basics are there too");

            String id = s.create("{\"steps\": 200, \"width\": 8, \"checkpointEvery\": 200}");
            assertEquals("done", s.awaitEnd(id, Duration.ofSeconds(60)).get("state").asText());
            s.get("/no/such/page-xyz");
            assertEquals(200, s.get("/index.html").statusCode(), "the web client is on the test class path");
            body = s.get("/metrics", BEARER).body();
            assertEquals(1, value(body, "flowplay_runs", "state=\"done\""));
            assertEquals(200, value(body, "flowplay_training_steps_total"), "every step of the finished run");
            assertTrue(value(body, "http_server_requests_seconds_count", "method=\"GET\"", "route=\"/api/runs/{id}\"", "status=\"200\"") >= 1,
                    body);
            assertEquals(1, value(body, "http_server_requests_seconds_count", "method=\"POST\"", "route=\"/api/runs\"", "status=\"201\""));
            assertEquals(1, value(body, "http_server_requests_seconds_count", "route=\"unmatched\"", "status=\"404\""));
            assertEquals(1, value(body, "http_server_requests_seconds_count", "route=\"static\"", "status=\"200\""));
            assertTrue(value(body, "http_server_requests_seconds_count", "route=\"/metrics\"", "status=\"200\"") >= 1);
            assertFalse(body.contains(id), "run ids never become series");
            assertFalse(body.contains("page-xyz"), "nor do made-up paths");

            String running = s.create("{\"steps\": 100000, \"checkpointEvery\": 100000}");
            StreamClient viewer = StreamClient.connect(s, running, false);
            try {
                body = awaitTraining(s);
                assertEquals(1, value(body, "flowplay_runs", "state=\"running\""));
                assertEquals(1, value(body, "flowplay_stream_subscribers"));
                assertTrue(value(body, "flowplay_training_steps_total") > 200, body);
            } finally {
                viewer.close();
                s.delete("/api/runs/" + running);
            }
            assertEquals("cancelled", s.awaitEnd(running, Duration.ofSeconds(60)).get("state").asText());
        }
    }

    /** Scrapes until a run reports its speed (the first report comes after some steps or some time), and returns the body. */
    private static String awaitTraining(TestServer s) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String body = s.get("/metrics", BEARER).body();
            // Both: a scrape reads one meter after another, so the first report may land between the two reads.
            if (value(body, "flowplay_training_steps_per_second") > 0 && value(body, "flowplay_training_steps_total") > 200) {
                return body;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no training speed after 60 s:\n" + body);
            }
            Thread.sleep(50);
        }
    }

    /** The value of the one sample of {@code name} whose labels contain every one of {@code labels}. */
    static double value(String body, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*})? (\\S+)$").matcher(body);
        Double found = null;
        while (m.find()) {
            String have = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= have.contains(label);
            }
            if (all) {
                if (found != null) {
                    throw new AssertionError("more than one sample of " + name + " with " + String.join(",", labels) + ":\n" + body);
                }
                found = Double.parseDouble(m.group(2));
            }
        }
        if (found == null) {
            throw new AssertionError("no sample of " + name + " with " + String.join(",", labels) + ":\n" + body);
        }
        return found;
    }
}
