package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.data.UserPoints;
import flowplay.core.settings.Settings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of generated bad requests against one live server (issue 7, "Bad input"): each must be answered 4xx with a
 * JSON error — naming the setting and what it allows when one setting is to blame — never a 5xx, and never a word of
 * the server's files or code. Afterwards the server still trains.
 */
class BadRequestsTest {
    private static Path data;
    private static TestServer server;
    /** A finished run with checkpoints at steps 10 and 20, for the routes that need a real run. */
    private static String doneRun;

    @BeforeContainer
    static void start() throws Exception {
        data = Files.createTempDirectory("flowplay-bad-requests");
        server = new TestServer(data);
        doneRun = server.create("{\"steps\": 20, \"width\": 8, \"checkpointEvery\": 10}");
        assertEquals("done", server.awaitEnd(doneRun, Duration.ofSeconds(60)).get("state").asText());
    }

    @AfterContainer
    static void stillTrainsThenStop() throws Exception {
        try {
            assertEquals(List.of(doneRun), server.runs.list().stream().map(r -> r.id()).toList(), "no bad request created a run");
            String id = server.create("{\"steps\": 30, \"width\": 8, \"checkpointEvery\": 10}");
            JsonNode end = server.awaitEnd(id, Duration.ofSeconds(60));
            assertEquals("done", end.get("state").asText(), "the server still trains: " + end);
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Property(tries = 1500)
    void aBadValueOfOneSettingIsRefusedNamingIt(@ForAll("badField") BadRequests.BadField bad) throws Exception {
        String body = "{\"steps\": 5, \"width\": 8, " + BadRequests.quote(bad.setting().name()) + ": " + bad.json() + "}";
        JsonNode error = refused(send("POST", "/api/runs", body.getBytes(StandardCharsets.UTF_8), "application/json"), 400, body);
        assertEquals(bad.setting().name(), error.path("field").asText(null), body + " -> " + error);
        assertEquals(bad.setting().allowed(), error.path("allowed").asText(null), body + " -> " + error);
    }

    @Property(tries = 300)
    void severalBadValuesAreRefusedNamingOneOfThem(@ForAll("badField") BadRequests.BadField a, @ForAll("badField") BadRequests.BadField b)
            throws Exception {
        String body = "{" + BadRequests.quote(a.setting().name()) + ": " + a.json() + ", " + BadRequests.quote(b.setting().name()) + ": "
                + b.json() + "}";
        JsonNode error = refused(send("POST", "/api/runs", body.getBytes(StandardCharsets.UTF_8), "application/json"), 400, body);
        String field = error.path("field").asText("");
        assertTrue(field.equals(a.setting().name()) || field.equals(b.setting().name()), body + " -> " + error);
    }

    @Property(tries = 300)
    void anUnknownFieldIsRefusedNamingIt(@ForAll("unknownName") String name) throws Exception {
        String body = "{\"steps\": 5, " + BadRequests.quote(name) + ": 1}";
        JsonNode error = refused(send("POST", "/api/runs", body.getBytes(StandardCharsets.UTF_8), "application/json"), 400, body);
        assertEquals(name, error.path("field").asText(null), BadRequests.quote(body) + " -> " + error);
        assertEquals("one of " + String.join(", ", Settings.names(Settings.TRAIN)), error.path("allowed").asText(null));
    }

    @Property(tries = 600)
    void aBodyThatIsNoJsonObjectIsRefused(@ForAll("malformedBody") byte[] body, @ForAll("contentType") String type) throws Exception {
        // Declared JSON, it is read and refused as malformed; declared anything else, it is not read at all (415).
        refused(send("POST", "/api/runs", body, type), body.length > 0 && !type.startsWith("application/json") ? 415 : 400,
                type + ": " + new String(body, StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void badPointsAreRefusedNamingPoints(@ForAll("badPoints") String points) throws Exception {
        String body = "{\"dataset\": \"points\", \"steps\": 5, \"points\": " + points + "}";
        JsonNode error = refused(send("POST", "/api/runs", body.getBytes(StandardCharsets.UTF_8), "application/json"), 400, body);
        assertEquals(UserPoints.NAME, error.path("field").asText(null), error.toString());
        assertEquals(UserPoints.ALLOWED, error.path("allowed").asText(null));
    }

    @Example
    void pointsWithAnotherDatasetOrNoneAreRefusedNamingPoints() throws Exception {
        for (String body : List.of("{\"dataset\": \"moons\", \"points\": \"0,0\\n1,1\"}", "{\"dataset\": \"points\"}",
                "{\"dataset\": \"points\", \"points\": null}", "{\"points\": [[0, 0], [1, 1]]}")) {
            JsonNode error = refused(send("POST", "/api/runs", body.getBytes(StandardCharsets.UTF_8), "application/json"), 400, body);
            assertEquals(UserPoints.NAME, error.path("field").asText(null), error.toString());
        }
    }

    @Property(tries = 1500)
    void unknownRunIdsOnEveryRouteAndMethodAre4xx(@ForAll("unknownId") String id, @ForAll("runRoute") String route,
                                                  @ForAll("method") String method) throws Exception {
        String path = "/api/runs/" + id + route;
        refused(send(method, path, "{}".getBytes(StandardCharsets.UTF_8), "application/json"), -1, path);
    }

    @Property(tries = 300)
    void garbageStepsOfARealRunAre400Or404(@ForAll("garbageStep") String step) throws Exception {
        String path = "/api/runs/" + doneRun + "/checkpoints/" + step;
        JsonNode error = refused(send("GET", path, null, null), -1, path);
        assertTrue(List.of("step", "").contains(error.path("field").asText("")), path + " -> " + error);
    }

    @Property(tries = 300)
    void junkDataSetNamesAre4xx(@ForAll("unknownId") String name, @ForAll("method") String method) throws Exception {
        String path = "/api/datasets/" + name;
        refused(send(method, path, null, null), -1, path);
    }

    @Property(tries = 300)
    void garbageQueryStringsNeverFail(@ForAll("query") String query, @ForAll("queryPath") String path) throws Exception {
        HttpResponse<String> r = send("GET", path + "?" + query, null, null);
        if (r.statusCode() == 200) {
            return; // the query is ignored on a route that needs none
        }
        refused(r, -1, path + "?" + query);
    }

    @Property(tries = 3)
    void bodiesOverTheCapAre413(@ForAll("oversized") int bytes) throws Exception {
        byte[] body = ("{\"points\": \"" + "1".repeat(bytes) + "\"}").getBytes(StandardCharsets.US_ASCII);
        refused(send("POST", "/api/runs", body, "application/json"), 413, "a body of " + body.length + " bytes");
    }

    /** Requests no HTTP client library would send, written on a socket: Jetty refuses them before Javalin sees them. */
    @Example
    void malformedHttpIsRefusedInJson() throws Exception {
        List<String> requests = List.of("GET /api/runs/a b HTTP/1.1\r\nHost: x\r\n\r\n", "GET /api/runs/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/runs/%00/checkpoints HTTP/1.1\r\nHost: x\r\n\r\n", "xyz\r\n\r\n", "GET\r\n\r\n",
                "GET /api/runs HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n",
                "POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                "POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{}",
                "POST /api/runs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "POST /api/runs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"st\r\n",
                "DELETE /api/runs/../../etc HTTP/1.1\r\nHost: x\r\n\r\n", "GET /api/runs/\u00e9t\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n");
        for (String request : requests) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                socket.shutdownOutput();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String shown = BadRequests.quote(request.length() > 100 ? request.substring(0, 100) + "..." : request);
                int status = Integer.parseInt(answer.substring(9, 12));
                assertTrue(status >= 400 && status < 500, shown + " -> " + answer);
                assertTrue(answer.toLowerCase().contains("content-type: application/json"), shown + " -> " + answer);
                JsonNode json = TestServer.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertFalse(json.path("error").asText("").isBlank(), shown + " -> " + answer);
            }
        }
    }

    /**
     * The answer is an error of the expected status (any 4xx for -1): JSON with a non-empty "error", and nothing in it
     * that the request did not bring that names a file, a path, a class or a stack frame.
     */
    private static JsonNode refused(HttpResponse<String> r, int status, String sent) throws IOException {
        String body = r.body();
        String request = sent + " " + decoded(sent);
        String shown = BadRequests.quote(sent.length() > 300 ? sent.substring(0, 300) + "..." : sent);
        if (status < 0) {
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, shown + " -> " + r.statusCode() + " " + body);
        } else {
            assertEquals(status, r.statusCode(), shown + " -> " + body);
        }
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), shown + " -> " + r.headers() + " " + body);
        JsonNode json = TestServer.JSON.readTree(body);
        assertNotNull(json, shown);
        assertFalse(json.path("error").asText("").isBlank(), shown + " -> " + body);
        for (String leak : List.of(data.toString(), "/tmp", "/root", "/work", ".java", "Exception", "at flowplay", "at io.javalin",
                "org.eclipse", "com.fasterxml")) {
            assertFalse(body.contains(leak) && !request.contains(leak), shown + " -> leaks '" + leak + "': " + body);
        }
        return json;
    }

    /** The request as the server reads it (twice decoded, for ids that were encoded twice), so its own words are not taken for leaks. */
    private static String decoded(String s) {
        try {
            String once = java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
            return once + " " + java.net.URLDecoder.decode(once, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static HttpResponse<String> send(String method, String path, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path)).timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            return server.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + BadRequests.quote(path) + ": no answer: " + e, e);
        }
    }

    @Provide
    Arbitrary<BadRequests.BadField> badField() {
        return BadRequests.badField();
    }

    @Provide
    Arbitrary<String> unknownName() {
        return BadRequests.unknownName();
    }

    @Provide
    Arbitrary<byte[]> malformedBody() {
        return BadRequests.malformedBody();
    }

    @Provide
    Arbitrary<String> contentType() {
        return BadRequests.contentType();
    }

    @Provide
    Arbitrary<String> badPoints() {
        return BadRequests.badPoints();
    }

    @Provide
    Arbitrary<String> unknownId() {
        return BadRequests.unknownIdInPath();
    }

    @Provide
    Arbitrary<String> runRoute() {
        return BadRequests.runRoute();
    }

    @Provide
    Arbitrary<String> method() {
        return BadRequests.method();
    }

    @Provide
    Arbitrary<String> garbageStep() {
        Arbitrary<String> numbers = Arbitraries.longs().between(0, Long.MAX_VALUE).filter(n -> n != 10 && n != 20).map(Object::toString);
        return Arbitraries.oneOf(numbers, Arbitraries.of("-1", "1.5", "1e3", "0x10", "00000000000000000000010", "99999999999999999999",
                "%20", "10%00", "..", "%2e%2e"), BadRequests.junk(30).filter(s -> !s.isEmpty()).map(BadRequests::encode));
    }

    @Provide
    Arbitrary<String> query() {
        return Arbitraries.oneOf(BadRequests.junk(80).map(BadRequests::encode), Arbitraries.of("a=1&a=2", "=", "&&&", "x=%20%00", "%ff%fe",
                "steps=-1", "id=../../etc/passwd", "a".repeat(4000) + "=1"));
    }

    @Provide
    Arbitrary<String> queryPath() {
        return Arbitraries.of("/api/runs", "/api/settings", "/api/runs/ffffffffffff", "/api/runs/ffffffffffff/checkpoints",
                "/api/datasets/nope", "/api/nope");
    }

    @Provide
    Arbitrary<Integer> oversized() {
        return Arbitraries.integers().between((4 << 20) + 1, (5 << 20));
    }
}
