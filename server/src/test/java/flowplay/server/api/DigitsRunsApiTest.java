package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.Condition;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Digit runs through the HTTP API: 64-D data, the label and mask conditions recorded in the checkpoint. */
class DigitsRunsApiTest extends LiveServerTest {
    @Test
    void aClassConditionalDigitRunTrainsOnLabelsAndSaysSo() throws Exception {
        Checkpoint c = finish("{\"dataset\":\"digits\",\"steps\":60,\"checkpointEvery\":60,\"width\":32,\"depth\":2}");
        assertEquals(64, c.model().dim());
        assertEquals(Condition.classes(10), c.model().condition());
        assertEquals(64 + 10 + 1, c.mlp().inputSize());
    }

    @Test
    void anInpaintingDigitRunWithoutLabelsReadsTheMaskOnly() throws Exception {
        Checkpoint c = finish("{\"dataset\":\"digits\",\"conditioning\":\"none\",\"coupling\":\"dependent\",\"steps\":60,"
                + "\"checkpointEvery\":60,\"width\":32,\"depth\":2}");
        assertEquals(Condition.MASK, c.model().condition());
        assertEquals(64 + 64 + 1, c.mlp().inputSize());
        assertTrue(c.metadata().get(Checkpoint.KEY_TRAINING).contains("\"coupling\":\"dependent\""));
    }

    @Test
    void labelSettingsAreCheckedLikeAnyOther() throws Exception {
        HttpResponse<String> r = server.post("/api/runs", "{\"dataset\":\"digits\",\"labelDropout\":1.5}");
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = TestServer.json(r);
        assertEquals("labelDropout", error.get("field").asText());
        assertEquals("number in [0.0, 1.0]", error.get("allowed").asText());
        r = server.post("/api/runs", "{\"dataset\":\"digits\",\"conditioning\":\"yes\"}");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("one of class, none", TestServer.json(r).get("allowed").asText());
    }

    private static Checkpoint finish(String body) throws Exception {
        JsonNode run = server.awaitEnd(server.create(body), Duration.ofSeconds(60));
        assertEquals("done", run.get("state").asText(), run.toString());
        return Checkpoint.fromBytes(server.getBytes("/api/runs/" + run.get("id").asText() + "/checkpoint").body());
    }
}
