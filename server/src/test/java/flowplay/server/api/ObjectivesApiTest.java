package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.prediction.Prediction;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The design choices of a run through the HTTP API: each prediction trains, a seed names the bytes, contradictions are 400s. */
class ObjectivesApiTest extends LiveServerTest {
    /** The loss after 400 steps against the untrained loss of a 1-step run on the same first batch (same seed). */
    @Test
    void eachPredictionTrainsAndItsLossFalls() throws Exception {
        for (String prediction : Prediction.ids()) {
            String weight = prediction.equals("score") ? "sigma2" : "none";
            String common = "\"prediction\":\"" + prediction + "\",\"lossWeight\":\"" + weight + "\",\"seed\":3,\"timeInput\":\"fourier\"";
            JsonNode untrained = finish("{" + common + ",\"steps\":1}");
            JsonNode trained = finish("{" + common + ",\"steps\":400,\"checkpointEvery\":400}");
            double first = untrained.get("loss").asDouble();
            double last = trained.get("loss").asDouble();
            assertTrue(last < 0.7 * first, prediction + ": loss " + first + " -> " + last);
            byte[] bytes = server.getBytes("/api/runs/" + trained.get("id").asText() + "/checkpoint").body();
            Checkpoint c = Checkpoint.fromBytes(bytes);
            assertEquals(prediction, c.prediction().id());
            assertEquals("fourier(4)", c.model().time());
        }
    }

    @Test
    void sameSettingsAndSeedGiveTheSameCheckpointBytes() throws Exception {
        String body = "{\"scheduler\":\"cosine\",\"prediction\":\"x1\",\"coupling\":\"minibatch-ot\",\"ema\":0.95,\"lrSchedule\":\"cosine\","
                + "\"timeSampling\":\"logit-normal\",\"steps\":120,\"checkpointEvery\":120,\"seed\":9}";
        byte[] a = checkpoint(finish(body));
        byte[] b = checkpoint(finish(body));
        assertArrayEquals(a, b);
    }

    @Test
    void contradictorySettingsAre400sNamingTheField() throws Exception {
        assertRefused("{\"scheduler\":\"vp\",\"betaMin\":5,\"betaMax\":1}", "betaMax", "number above betaMin, at most 100");
        assertRefused("{\"prediction\":\"score\",\"coupling\":\"sinkhorn\"}", "coupling", "independent when prediction is score");
        assertRefused("{\"timeInput\":\"fourier\",\"fourierK\":65}", "fourierK", "integer in [1, 64]");
        assertRefused("{\"lossWeight\":\"snr\"}", "lossWeight", "one of none, velocity, sigma2");
        assertRefused("{\"ema\":1}", "ema", "number in [0.0, 0.99999]");
    }

    @Test
    void theSettingsTableSaysWhichSettingsDependOnAChoice() throws Exception {
        JsonNode train = TestServer.json(server.get("/api/settings")).get("train");
        for (JsonNode row : train) {
            if (row.get("name").asText().equals("betaMax")) {
                assertEquals("vp", row.get("when").get("scheduler").get(0).asText());
                return;
            }
        }
        throw new AssertionError("no betaMax row");
    }

    private static void assertRefused(String body, String field, String allowed) throws Exception {
        HttpResponse<String> r = server.post("/api/runs", body);
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = TestServer.json(r);
        assertEquals(field, error.get("field").asText(), r.body());
        assertEquals(allowed, error.get("allowed").asText(), r.body());
    }

    private static JsonNode finish(String body) throws Exception {
        JsonNode run = server.awaitEnd(server.create(body), Duration.ofSeconds(60));
        assertEquals("done", run.get("state").asText(), run.toString());
        return run;
    }

    private static byte[] checkpoint(JsonNode run) throws Exception {
        return server.getBytes("/api/runs/" + run.get("id").asText() + "/checkpoint").body();
    }
}
