package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunStreamTest extends LiveServerTest {
    @Test
    void streamsProgressStateAndCheckpoints() throws Exception {
        long before = System.currentTimeMillis();
        String id = server.create("{\"steps\": 300, \"width\": 16, \"checkpointEvery\": 100}");
        StreamClient client = StreamClient.connect(server, id, false);
        assertTrue(client.awaitEnd(60), "no final state; got " + client.texts);
        client.close();
        assertTrue(client.count("progress") >= 1, client.texts.toString());
        JsonNode progress = client.texts.stream().filter(t -> t.get("type").asText().equals("progress")).findFirst().orElseThrow();
        assertTrue(progress.get("step").asLong() >= 1);
        assertTrue(progress.get("loss").asDouble() > 0);
        assertTrue(progress.get("stepsPerSecond").asDouble() > 0);
        long at = progress.get("at").asLong();
        assertTrue(at >= before && at <= System.currentTimeMillis(), "published at " + at + ", test started " + before);
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

    /**
     * Training publishes progress every 10 steps or 50 ms; a socket still gets progress frames about 100 ms apart (the
     * median gap between arrivals: robust to a frame delayed in transit), and the final progress, the final checkpoint
     * and the final state still arrive, in that order.
     */
    @Test
    void progressFramesGoOutAtMostTenASecondAndTheLastOnesAreNotLost() throws Exception {
        StreamClient client = streamTenThousandSteps(10000);
        long median = medianGapMillis(client.progressArrivals);
        assertTrue(median >= 80, "median gap between progress frames: " + median + " ms");
        JsonNode last = client.texts.get(client.texts.size() - 1);
        assertEquals("done", last.get("state").asText(), "the final state comes last: " + client.texts);
        JsonNode lastProgress = client.texts.stream().filter(t -> t.get("type").asText().equals("progress")).reduce((a, b) -> b).orElseThrow();
        assertEquals(10000, lastProgress.get("step").asLong(), "the final progress is not lost to the gap");
    }

    /** A checkpoint every 10 steps still reaches a socket about every 250 ms, and the final one is not lost. */
    @Test
    void checkpointsGoOutAtMostFourASecond() throws Exception {
        StreamClient client = streamTenThousandSteps(10);
        long median = medianGapMillis(client.binaryArrivals);
        assertTrue(median >= 200, "median gap between checkpoints: " + median + " ms");
    }

    /** A default run of 10000 steps, watched from start to end; its final checkpoint must have arrived. */
    private static StreamClient streamTenThousandSteps(int checkpointEvery) throws Exception {
        String id = server.create("{\"steps\": 10000, \"checkpointEvery\": " + checkpointEvery + "}");
        StreamClient client = StreamClient.connect(server, id, false);
        assertTrue(client.awaitEnd(60), "no final state; got " + client.texts);
        client.close();
        assertEquals(10000, Checkpoint.fromBytes(client.binaries.get(client.binaries.size() - 1)).step(), "the final checkpoint");
        return client;
    }

    /** A crowd shares one run's checkpoint budget of 50 a second: the gap grows past 12 viewers, never below 250 ms. */
    @Test
    void aCrowdSharesTheRunsCheckpointBudget() {
        assertEquals(250_000_000L, StreamSubscriber.checkpointGap(1));
        assertEquals(250_000_000L, StreamSubscriber.checkpointGap(12));
        assertEquals(260_000_000L, StreamSubscriber.checkpointGap(13));
        assertEquals(2_000_000_000L, StreamSubscriber.checkpointGap(100));
    }

    /** The stream never compresses: a browser's offer of permessage-deflate is declined. */
    @Test
    void theStreamDeclinesCompression() throws Exception {
        String id = server.create("{\"steps\": 50, \"checkpointEvery\": 50}");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            String host = "127.0.0.1:" + server.server.port();
            socket.getOutputStream().write(("GET /api/runs/" + id + "/stream HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            String status = in.readLine();
            assertTrue(status != null && status.contains(" 101 "), "upgraded: " + status);
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                assertFalse(line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-extensions"), "no extension accepted: " + line);
            }
        }
    }

    private static long medianGapMillis(List<Long> arrivals) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < arrivals.size(); i++) {
            gaps.add((arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000);
        }
        assertTrue(gaps.size() >= 4, "a few seconds of training give several frames: " + gaps);
        Collections.sort(gaps);
        return gaps.get(gaps.size() / 2);
    }

    @Test
    void unknownRunClosesTheSocket() throws Exception {
        StreamClient client = StreamClient.connect(server, "nope", false);
        Thread.sleep(300);
        assertTrue(client.texts.isEmpty());
    }

    @Test
    void aPageOfAnotherOriginMayNotSubscribeButThisServersPageMay() throws Exception {
        String id = server.create("{\"steps\": 50, \"checkpointEvery\": 50}");
        StreamClient foreign = StreamClient.connect(server, id, false, "https://evil.example");
        assertTrue(foreign.closed.await(10, TimeUnit.SECONDS), "a foreign origin is closed at once");
        assertEquals(1008, foreign.closeCode);
        assertTrue(foreign.texts.isEmpty() && foreign.binaries.isEmpty(), "and hears nothing of the run");

        StreamClient own = StreamClient.connect(server, id, false, server.base);
        assertTrue(own.awaitEnd(30), "the page this server served streams as before");
        assertEquals(50, Checkpoint.fromBytes(own.binaries.get(own.binaries.size() - 1)).step());
        assertTrue(CrossSite.sameOrigin("http://127.0.0.1:7070", "127.0.0.1:7070"));
        assertTrue(!CrossSite.sameOrigin("http://127.0.0.1:7071", "127.0.0.1:7070") && !CrossSite.sameOrigin("null", "127.0.0.1:7070")
                && !CrossSite.sameOrigin("http://x", null), "other ports, the opaque origin and a missing Host are refused");
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

    /**
     * A client that vanishes mid-frame (the TCP connection reset while the server is sending it a large checkpoint)
     * must neither stop training nor stall another client of the same run, nor later runs.
     */
    @Test
    void aDeadClientBlocksNeitherTrainingNorOtherClients() throws Exception {
        String id = server.create("{\"steps\": 600, \"width\": 128, \"checkpointEvery\": 2}");
        StreamClient healthy = StreamClient.connect(server, id, false);
        try (java.net.Socket dead = new java.net.Socket()) {
            dead.setReceiveBufferSize(4096);
            dead.connect(new java.net.InetSocketAddress("127.0.0.1", server.server.port()), 5000);
            dead.getOutputStream().write(("GET /api/runs/" + id + "/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            dead.getOutputStream().flush();
            dead.setSoTimeout(30_000);
            byte[] buffer = new byte[1024];
            int got = dead.getInputStream().read(buffer);
            assertTrue(got > 0 && new String(buffer, 0, got, java.nio.charset.StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"),
                    "the handshake is accepted");
            // Stop reading: the server's frames pile up in the socket buffers until a send is left half done.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (TestServer.json(server.get("/api/runs/" + id)).get("step").asLong() < 100) {
                assertTrue(System.nanoTime() < deadline, "the run never reached step 100");
                Thread.sleep(20);
            }
            dead.setSoLinger(true, 0);
        }
        // The socket is closed with a reset, mid-frame.
        JsonNode end = server.awaitEnd(id, Duration.ofSeconds(120));
        assertEquals("done", end.get("state").asText(), end.toString());
        assertTrue(healthy.awaitEnd(30), "the other client still gets the final state; got " + healthy.texts);
        healthy.close();
        assertEquals(600, Checkpoint.fromBytes(healthy.binaries.get(healthy.binaries.size() - 1)).step());

        String next = server.create("{\"steps\": 20, \"width\": 8, \"checkpointEvery\": 10}");
        StreamClient later = StreamClient.connect(server, next, false);
        assertTrue(later.awaitEnd(60), "a later run streams too; got " + later.texts);
        later.close();
    }

    private static double timed(String id, StreamClient client) throws Exception {
        long start = System.nanoTime();
        JsonNode end = server.awaitEnd(id, Duration.ofSeconds(90));
        assertEquals("done", end.get("state").asText());
        return (System.nanoTime() - start) / 1e9;
    }
}
