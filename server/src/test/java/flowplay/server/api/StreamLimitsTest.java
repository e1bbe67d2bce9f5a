package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Viewer caps on the run stream (1013, and room again once a viewer leaves) and the queue position it streams. */
class StreamLimitsTest {
    @TempDir
    Path data;

    @Test
    void viewersOverTheCapsAreClosedWith1013AndALeavingViewerMakesRoom() throws Exception {
        try (TestServer server = new TestServer(data, Map.of("subscribersPerRun", "2", "subscribers", "3"))) {
            String a = server.create("{\"steps\": 5, \"width\": 4, \"checkpointEvery\": 5}");
            String b = server.create("{\"steps\": 5, \"width\": 4, \"checkpointEvery\": 5}");
            List<StreamClient> open = new ArrayList<>();
            open.add(admitted(StreamClient.connect(server, a, false)));
            open.add(admitted(StreamClient.connect(server, a, false)));
            StreamClient thirdOnA = refused(StreamClient.connect(server, a, false));
            assertTrue(thirdOnA.closeReason.contains("at most 2"), thirdOnA.closeReason);
            open.add(admitted(StreamClient.connect(server, b, false)));
            StreamClient fourthInAll = refused(StreamClient.connect(server, b, false));
            assertTrue(fourthInAll.closeReason.contains("at most 3"), fourthInAll.closeReason);

            open.remove(0).close();
            // The server counts the viewer out when it sees the socket close; until then a newcomer is still refused.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                StreamClient again = StreamClient.connect(server, a, false);
                if (awaitFirst(again)) {
                    open.add(again);
                    break;
                }
                assertEquals(RunStream.CLOSE_TRY_LATER, again.closeCode);
                if (System.nanoTime() > deadline) {
                    fail("a viewer that left never made room");
                }
                Thread.sleep(50);
            }
            refused(StreamClient.connect(server, b, false));
            open.forEach(StreamClient::close);
        }
    }

    @Test
    void queuedRunsStreamTheirPlaceInLineAndMoveUpWhenARunAheadIsCancelled() throws Exception {
        try (TestServer server = new TestServer(data, Map.of("workers", "1"))) {
            String first = server.create("{\"steps\": 100000, \"width\": 64, \"checkpointEvery\": 100000}");
            JsonNode secondCreated = TestServer.json(server.post("/api/runs", "{\"steps\": 5, \"width\": 4, \"checkpointEvery\": 5}"));
            assertEquals(1, secondCreated.get("queuePosition").asInt(), secondCreated.toString());
            String second = secondCreated.get("id").asText();
            String third = server.create("{\"steps\": 5, \"width\": 4, \"checkpointEvery\": 5}");
            StreamClient secondStream = StreamClient.connect(server, second, false);
            StreamClient thirdStream = StreamClient.connect(server, third, false);
            awaitState(secondStream, 0, s -> s.path("queuePosition").asInt() == 1, "run 2 at position 1");
            awaitState(thirdStream, 0, s -> s.path("queuePosition").asInt() == 2, "run 3 at position 2");
            assertEquals(2, TestServer.json(server.get("/api/runs/" + third)).get("queuePosition").asInt());
            assertTrue(TestServer.json(server.get("/api/runs/" + first)).get("queuePosition").isNull(), "a running run has no place in line");

            int seen = thirdStream.texts.size();
            server.delete("/api/runs/" + first);
            // Run 3 may move on quickly (run 2 is tiny): any state message since the cancel counts, not just the latest.
            awaitState(thirdStream, seen, s -> s.path("queuePosition").asInt() == 1, "run 3 at position 1 once run 1 was cancelled");
            assertTrue(secondStream.awaitEnd(60), "run 2 trained");
            assertTrue(thirdStream.awaitEnd(60), "run 3 trained");
            assertTrue(TestServer.json(server.get("/api/runs/" + third)).get("queuePosition").isNull());
            secondStream.close();
            thirdStream.close();
        }
    }

    /** Waits for a state message at or after index {@code from} of the stream's texts that satisfies {@code wanted}. */
    private static void awaitState(StreamClient client, int from, Predicate<JsonNode> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<JsonNode> texts = client.texts;
            for (int i = from; i < texts.size(); i++) {
                if (texts.get(i).get("type").asText().equals("state") && wanted.test(texts.get(i))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        fail(what + "; the stream sent " + client.texts);
    }

    private static StreamClient admitted(StreamClient client) throws InterruptedException {
        assertTrue(awaitFirst(client), "admitted, but closed with " + client.closeCode + " " + client.closeReason);
        return client;
    }

    private static StreamClient refused(StreamClient client) throws InterruptedException {
        assertTrue(client.closed.await(20, TimeUnit.SECONDS), "a viewer over the cap is closed");
        assertEquals(RunStream.CLOSE_TRY_LATER, client.closeCode, client.closeReason);
        assertEquals(0, client.texts.size(), "and gets nothing first");
        return client;
    }

    /** True once the stream's first message arrived (admitted), false once it closed without one (refused). */
    private static boolean awaitFirst(StreamClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!client.texts.isEmpty()) {
                return true;
            }
            if (client.closed.getCount() == 0) {
                return false;
            }
            Thread.sleep(10);
        }
        fail("the stream neither sent nor closed");
        return false;
    }
}
