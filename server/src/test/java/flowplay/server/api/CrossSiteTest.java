package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes from pages of other sites are refused; this server's own page, and clients that are no page, may write. */
class CrossSiteTest extends LiveServerTest {

    private static HttpResponse<String> send(String method, String path, String body, String type, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return server.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageOfAnotherOriginCannotStartPauseOrCancelRuns() throws Exception {
        int before = TestServer.json(server.get("/api/runs")).size();
        for (String origin : new String[] {"https://evil.example", "null", "http://127.0.0.1:1"}) {
            HttpResponse<String> r = send("POST", "/api/runs", "{\"steps\": 5}", "application/json", origin);
            assertEquals(403, r.statusCode(), origin + ": " + r.body());
            JsonNode error = TestServer.json(r);
            assertEquals("Origin", error.get("field").asText());
            assertEquals("this server's own pages", error.get("allowed").asText());
        }
        assertEquals(before, TestServer.json(server.get("/api/runs")).size(), "no run was started");

        String id = server.create("{\"steps\": 100000, \"checkpointEvery\": 100000}");
        assertEquals(403, send("DELETE", "/api/runs/" + id, null, null, "https://evil.example").statusCode());
        assertEquals(403, send("POST", "/api/runs/" + id + "/pause", null, null, "https://evil.example").statusCode());
        assertTrue(TestServer.json(server.get("/api/runs/" + id)).get("state").asText().matches("queued|running"), "untouched");
        // Reading is harmless (a browser keeps the answer from the other page: no CORS header is ever sent).
        HttpResponse<String> read = send("GET", "/api/runs/" + id, null, null, "https://evil.example");
        assertEquals(200, read.statusCode());
        assertTrue(read.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertEquals(200, send("DELETE", "/api/runs/" + id, null, null, server.base).statusCode(), "this server's page may cancel");
    }

    @Test
    void aRunIsSentAsJson() throws Exception {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            HttpResponse<String> r = send("POST", "/api/runs", "{\"steps\": 5}", type, null);
            assertEquals(415, r.statusCode(), type + ": " + r.body());
            assertEquals("Content-Type", TestServer.json(r).get("field").asText());
            assertEquals("application/json", TestServer.json(r).get("allowed").asText());
        }
        HttpResponse<String> ok = send("POST", "/api/runs", "{\"steps\": 5}", "application/json; charset=utf-8", server.base);
        assertEquals(201, ok.statusCode(), ok.body());
        server.awaitEnd(TestServer.json(ok).get("id").asText(), java.time.Duration.ofSeconds(60));
    }
}
