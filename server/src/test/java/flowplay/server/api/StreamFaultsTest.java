package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.server.runs.RunEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7, faults: stream clients that vanish (TCP dropped without a close frame), stall (never read, so the server's
 * frames back up) or send garbage are dropped, while the run they watch trains to the end and a well-behaved client
 * of the same run still gets its progress and final state.
 */
class StreamFaultsTest extends LiveServerTest {
    @Test
    void vanishingStallingAndGarbageClientsAreDroppedWhileTrainingGoesOn() throws Exception {
        long seed = System.nanoTime();
        System.out.println("StreamFaultsTest seed " + seed);
        Random random = new Random(seed);
        int port = server.server.port();
        // Checkpoints of about 0.5 MB, sent to each socket up to 4 times a second: a client that does not read fills the
        // socket buffers within seconds, while the run trains for tens of seconds.
        String id = server.create("{\"steps\": 6000, \"width\": 256, \"checkpointEvery\": 25}");
        RunEvents events = server.runs.find(id).orElseThrow().events();
        StreamClient healthy = StreamClient.connect(server, id, false);
        awaitTrue(() -> events.watchers() == 1, Duration.ofSeconds(10), "the healthy client subscribed");

        List<String> codes = new ArrayList<>();
        try (RawWebSocket stalled = RawWebSocket.connect(port, id, 4096)) {
            // Vanished: reset, and closed without a close frame.
            RawWebSocket.connect(port, id, 65536).vanish();
            RawWebSocket.connect(port, id, 65536).close();
            // Garbage: junk messages (the stream takes none), then frames the protocol forbids.
            String text = new String(RawWebSocket.junk(random, 64), StandardCharsets.ISO_8859_1);
            codes.add(garbage(port, id, 0x80 | RawWebSocket.TEXT, text.getBytes(StandardCharsets.UTF_8), true));
            codes.add(garbage(port, id, 0x80 | RawWebSocket.BINARY, RawWebSocket.junk(random, 1 + random.nextInt(60_000)), true));
            codes.add(garbage(port, id, 0x80 | RawWebSocket.TEXT, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, true));
            codes.add(garbage(port, id, 0x80 | RawWebSocket.TEXT, "unmasked".getBytes(StandardCharsets.US_ASCII), false));
            codes.add(garbage(port, id, 0x80 | 0x3, RawWebSocket.junk(random, 10), true)); // a reserved opcode
            codes.add(garbage(port, id, 0xC0 | RawWebSocket.TEXT, "rsv1".getBytes(StandardCharsets.US_ASCII), true)); // RSV1 unnegotiated
            codes.add(garbage(port, id, RawWebSocket.TEXT, "never finished".getBytes(StandardCharsets.US_ASCII), true)); // a fragment, then junk
            System.out.println("garbage clients closed with " + codes);

            awaitTrue(() -> events.watchers() == 2, Duration.ofSeconds(15),
                    "vanished and garbage clients are unsubscribed; the healthy and the stalled one remain");
            assertTrue(server.runs.find(id).orElseThrow().state().id().matches("running|done"));
            // The stalled client never reads: its frames back up until the idle timeout drops it.
            awaitTrue(() -> events.watchers() == 1, RunStream.IDLE_TIMEOUT.plusSeconds(20), "the stalled client is dropped");
        }

        JsonNode end = server.awaitEnd(id, Duration.ofSeconds(120));
        assertEquals("done", end.get("state").asText(), end.toString());
        assertTrue(healthy.awaitEnd(30), "the healthy client gets the final state; got " + healthy.texts.size() + " frames");
        assertTrue(healthy.count("progress") >= 1);
        assertEquals(6000, Checkpoint.fromBytes(healthy.binaries.get(healthy.binaries.size() - 1)).step());
        healthy.close();
        awaitTrue(() -> events.watchers() == 0, Duration.ofSeconds(10), "the healthy client unsubscribed on leaving");
    }

    /** Connects, sends one bad frame (then junk bytes), and returns how the server ended the connection. */
    private static String garbage(int port, String id, int firstByte, byte[] payload, boolean masked) throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(port, id, 65536)) {
            try {
                ws.send(firstByte, payload, masked);
                if ((firstByte & 0x80) == 0) {
                    ws.socket.getOutputStream().write(RawWebSocket.junk(new Random(firstByte), 100));
                }
            } catch (java.net.SocketException e) {
                // The server may drop the connection on a bad frame header before the rest of the frame is written.
                return "dropped while sending (" + e.getMessage() + ")";
            }
            return Integer.toString(ws.awaitClose());
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " (not within " + timeout.toSeconds() + " s)");
            Thread.sleep(50);
        }
    }
}
