package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.server.data.PointsText;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user's own points and the file data sets through the HTTP API. */
class UserPointsApiTest extends LiveServerTest {
    private static final String SMALL = "\"steps\": 60, \"width\": 8, \"depth\": 2, \"checkpointEvery\": 30";

    @Test
    void pointsAsAJsonArrayTrainAndAreKeptWithTheRun() throws Exception {
        String id = server.create("{\"dataset\": \"points\", " + SMALL + ", \"points\": [[0, 0], [1, 1.5], [-2, 0.25]]}");
        assertEquals("done", server.awaitEnd(id, Duration.ofSeconds(60)).get("state").asText());

        HttpResponse<String> points = server.get("/api/runs/" + id + "/points");
        assertEquals(200, points.statusCode(), points.body());
        assertTrue(points.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("0.0,0.0\n1.0,1.5\n-2.0,0.25\n", points.body());
        assertEquals(points.body(), Files.readString(data.resolve("runs/" + id + "/points.csv")));

        Checkpoint c = Checkpoint.fromBytes(server.getBytes("/api/runs/" + id + "/checkpoint").body());
        JsonNode training = TestServer.JSON.readTree(c.metadata().get(Checkpoint.KEY_TRAINING));
        assertEquals("points", training.get("dataset").asText());
        assertEquals("3", training.get("pointsCount").asText());
        assertEquals(PointsText.sha256(new float[] {0, 0, 1, 1.5f, -2, 0.25f}), training.get("pointsSha256").asText());
        assertFalse(c.metadata().get(Checkpoint.KEY_TRAINING).contains("1.5,"), "the points themselves stay out of the checkpoint");
    }

    @Test
    void pointsAsCsvTextTrain() throws Exception {
        String id = server.create("{\"dataset\": \"points\", " + SMALL + ", \"points\": \"x,y\\r\\n0.5,-1\\r\\n2,3\\r\\n\\r\\n4,4\"}");
        assertEquals("done", server.awaitEnd(id, Duration.ofSeconds(60)).get("state").asText());
        assertEquals("0.5,-1.0\n2.0,3.0\n4.0,4.0\n", server.get("/api/runs/" + id + "/points").body());
    }

    @Test
    void badPointsAre400NamingPointsAndNothingIsRecorded() throws Exception {
        int before = TestServer.json(server.get("/api/runs")).size();
        assertRefused("\"points\": \"1,2\\nNaN,3\"", "line 2: 'NaN' is not a finite number");
        assertRefused("\"points\": [[NaN, 1], [0, 0]]", "point 1: NaN is not a finite number");
        assertRefused("\"points\": [[0, 0], [1, 1e39]]", "point 2: 1.0E39 is too large");
        assertRefused("\"points\": \"1,2,3\\n4,5,6\"", "line 1: expected 2 values, found 3");
        assertRefused("\"points\": [[0, 0], [1, 2, 3]]", "point 2: expected [x, y], found 3 values");
        assertRefused("\"points\": [[0, 0], [1, \"2\"]]", "point 2: \"2\" is not a number");
        assertRefused("\"points\": [[0, 0]]", "too few points: 1 < 2");
        assertRefused("\"points\": 5", "must be a CSV string or an array of [x, y] pairs");
        assertRefused("\"points\": [" + "[1,2],".repeat(20_000) + "[3,4]]", "too many points: 20001 > 20000");
        assertRefused("\"points\": \"" + "1,2\\n".repeat(20_001) + "\"", "too many points: 20001 > 20000");
        assertRefused("\"points\": \"" + "1.00000000000000000000,2\\n".repeat(45_000) + "\"", "too many bytes: 1125000 > 1048576");
        assertRefused("\"points\": null", "required with dataset=points");
        assertRefused("\"steps\": 10", "required with dataset=points");
        HttpResponse<String> r = server.post("/api/runs", "{\"dataset\": \"moons\", \"points\": [[0, 0], [1, 1]]}");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("points", TestServer.json(r).get("field").asText());
        assertTrue(TestServer.json(r).get("error").asText().contains("only with dataset=points, not with dataset=moons"), r.body());
        assertEquals(before, TestServer.json(server.get("/api/runs")).size(), "a refused run is never recorded");
    }

    private static void assertRefused(String fields, String message) throws Exception {
        HttpResponse<String> r = server.post("/api/runs", "{\"dataset\": \"points\", " + fields + "}");
        String shown = r.body().length() > 300 ? r.body().substring(0, 300) : r.body();
        assertEquals(400, r.statusCode(), shown);
        JsonNode error = TestServer.json(r);
        assertEquals("points", error.get("field").asText(), shown);
        assertTrue(error.get("error").asText().startsWith("points: " + message), shown);
        assertTrue(error.get("allowed").asText().contains("2 to 20000 points"), shown);
    }

    @Test
    void aBodyOverTheRequestCapIsRefusedWithoutACrash() throws Exception {
        HttpResponse<String> r = server.post("/api/runs", "{\"dataset\": \"points\", \"points\": \"" + "1,2\\n".repeat(1_200_000) + "\"}");
        assertEquals(413, r.statusCode(), r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        assertEquals("the request body is too large: at most 4194304 bytes", TestServer.json(r).get("error").asText());
        assertEquals(200, server.get("/api/runs").statusCode());
    }

    @Test
    void aFileDataSetTrainsAndIsServedForDrawing() throws Exception {
        String id = server.create("{\"dataset\": \"faithful\", " + SMALL + "}");
        assertEquals("done", server.awaitEnd(id, Duration.ofSeconds(60)).get("state").asText());
        Checkpoint c = Checkpoint.fromBytes(server.getBytes("/api/runs/" + id + "/checkpoint").body());
        assertEquals("272", TestServer.JSON.readTree(c.metadata().get(Checkpoint.KEY_TRAINING)).get("pointsCount").asText());
        assertEquals(404, server.get("/api/runs/" + id + "/points").statusCode(), "a file data set is not the run's own points");

        HttpResponse<String> csv = server.get("/api/datasets/faithful");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(272, csv.body().lines().count());
        assertEquals(150, server.get("/api/datasets/iris").body().lines().count());
        for (String name : new String[] {"moons", "nope", "points"}) {
            HttpResponse<String> none = server.get("/api/datasets/" + name);
            assertEquals(404, none.statusCode(), none.body());
            assertEquals("name", TestServer.json(none).get("field").asText());
            assertEquals("one of faithful, iris, digits", TestServer.json(none).get("allowed").asText());
        }
    }

    @Test
    void aBuiltInRunHasNoPointsOfItsOwn() throws Exception {
        String id = server.create("{\"steps\": 5, \"width\": 4}");
        HttpResponse<String> r = server.get("/api/runs/" + id + "/points");
        assertEquals(404, r.statusCode());
        assertTrue(TestServer.json(r).get("error").asText().contains("trains on dataset moons"), r.body());
        server.awaitEnd(id, Duration.ofSeconds(60));
    }
}
