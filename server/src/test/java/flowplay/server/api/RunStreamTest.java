package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunStreamTest {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void streamsProgressStateAndCheckpoints() throws Exception {
        String id = server.create("{\"steps\": 300, \"width\": 16, \"checkpointEvery\": 100}");
        StreamClient client = StreamClient.connect(server, id, false);
        assertTrue(client.awaitEnd(60), "no final state; got " + client.texts);
        client.close();
        assertTrue(client.count("progress") >= 1, client.texts.toString());
        JsonNode progress = client.texts.stream().filter(t -> t.get("type").asText().equals("progress")).findFirst().orElseThrow();
        assertTrue(progress.get("step").asLong() >= 1);
        assertTrue(progress.get("loss").asDouble() > 0);
        assertTrue(progress.get("stepsPerSecond").asDouble() > 0);
        assertTrue(client.binaries.size() >= 1);
        Checkpoint last = Checkpoint.fromBytes(client.binaries.get(client.binaries.size() - 1));
        assertEquals(300, last.step(), "the final checkpoint comes before the final state");
        JsonNode end = client.texts.get(client.texts.size() - 1);
        assertEquals("done", end.get("state").asText());
    }

    @Test
    void lateSubscriberGetsTheNewestAtOnce() throws Exception {
        String id = server.create("{\"steps\": 50, \"width\": 8, \"checkpointEvery\": 10}");
        server.awaitEnd(id, Duration.ofSeconds(60));
        StreamClient client = StreamClient.connect(server, id, false);
        assertTrue(client.awaitEnd(10));
        Thread.sleep(200);
        client.close();
        assertEquals(1, client.binaries.size(), "only the newest checkpoint");
        assertEquals(50, Checkpoint.fromBytes(client.binaries.get(0)).step());
        assertEquals(1, client.count("progress"));
    }

    @Test
    void unknownRunClosesTheSocket() throws Exception {
        StreamClient client = StreamClient.connect(server, "nope", false);
        Thread.sleep(300);
        assertTrue(client.texts.isEmpty());
    }

    /**
     * A client that stops reading must neither slow training nor make the server buffer every checkpoint for it.
     * Big checkpoints (~130 KB) at every other step fill the socket buffers quickly.
     */
    @Test
    void slowSubscriberDoesNotSlowTraining() throws Exception {
        String settings = "{\"steps\": 400, \"width\": 128, \"checkpointEvery\": 2}";
        double alone = timed(server.create(settings), null);
        String id = server.create(settings);
        StreamClient stalled = StreamClient.connect(server, id, true);
        double withStalled = timed(id, stalled);
        System.out.printf("400 steps alone %.2f s, with a stalled subscriber %.2f s%n", alone, withStalled);
        assertTrue(withStalled < 2 * alone + 1.0, alone + " s alone vs " + withStalled + " s with a stalled subscriber");

        stalled.resume();
        assertTrue(stalled.awaitEnd(20), "the stalled client catches up with the final state");
        stalled.close();
        System.out.printf("stalled client received %d of 200 checkpoints%n", stalled.binaries.size());
        assertTrue(stalled.binaries.size() < 100, stalled.binaries.size() + " checkpoints: a backlog was kept");
        assertEquals(400, Checkpoint.fromBytes(stalled.binaries.get(stalled.binaries.size() - 1)).step());
    }

    private static double timed(String id, StreamClient client) throws Exception {
        long start = System.nanoTime();
        JsonNode end = server.awaitEnd(id, Duration.ofSeconds(90));
        assertEquals("done", end.get("state").asText());
        return (System.nanoTime() - start) / 1e9;
    }
}
