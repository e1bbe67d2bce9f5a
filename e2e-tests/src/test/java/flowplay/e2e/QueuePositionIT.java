package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A server with one worker, taken by a long run another visitor started: the page's run waits, shows its place in line
 * as the stream reports it, and starts (leaving the line) once the run ahead is cancelled.
 */
class QueuePositionIT {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]+)\"");

    @Test
    void aQueuedRunShowsItsPlaceInLineAndStartsWhenTheRunAheadEnds() throws Exception {
        try (FlowplayProcess server = FlowplayProcess.start("--workers", "1"); Browser browser = Browser.withoutWebGpu("queue-position")) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/runs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"steps\": 100000, \"checkpointEvery\": 100000}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            Matcher id = ID.matcher(created.body());
            assertTrue(id.find(), created.body());

            PlaygroundPage page = new PlaygroundPage(browser).open(server.baseUrl());
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("dataset", "moons");
            settings.put("steps", "300");
            settings.put("checkpointEvery", "100");
            page.train(settings);
            browser.waitUntil("#run-progress[data-queue-position] is 1", Duration.ofSeconds(30),
                    () -> "1".equals(browser.attribute("run-progress", "data-queue-position")));
            assertEquals("queued", page.runState());
            assertTrue(browser.text("run-progress").contains("position 1"), "the line says where the run waits: " + browser.text("run-progress"));
            browser.screenshot("queue-position");

            HttpResponse<String> cancelled = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/runs/" + id.group(1)))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            page.awaitTrained(300);
            String position = browser.attribute("run-progress", "data-queue-position");
            assertTrue(position == null || position.isEmpty(), "the run left the line: data-queue-position='" + position + "'");
            browser.assertNoPageError();
        }
    }
}
