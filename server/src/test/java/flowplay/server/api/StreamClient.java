package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A java.net.http WebSocket client of a run stream that records every frame. With {@code paused} it asks for no
 * frames until {@link #resume()}, like a client that stopped reading: the server must then skip, not queue.
 */
final class StreamClient implements WebSocket.Listener {
    final List<JsonNode> texts = new CopyOnWriteArrayList<>();
    final List<byte[]> binaries = new CopyOnWriteArrayList<>();
    /** When each progress frame and each checkpoint arrived (System.nanoTime). */
    final List<Long> progressArrivals = new CopyOnWriteArrayList<>();
    final List<Long> binaryArrivals = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);
    private final boolean paused;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private volatile WebSocket socket;

    private StreamClient(boolean paused) {
        this.paused = paused;
    }

    static StreamClient connect(TestServer server, String runId, boolean paused) {
        return connect(server, runId, paused, null);
    }

    /** @param origin the Origin header a browser would send, or null for none */
    static StreamClient connect(TestServer server, String runId, boolean paused, String origin) {
        StreamClient client = new StreamClient(paused);
        URI uri = URI.create(server.base.replace("http://", "ws://") + "/api/runs/" + runId + "/stream");
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    /** The close code the server sent, once it closed (-1 before). */
    volatile int closeCode = -1;
    volatile String closeReason;
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        closeReason = reason;
        closed.countDown();
        return null;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (!paused) {
            webSocket.request(1);
        }
    }

    void resume() {
        socket.request(Long.MAX_VALUE);
    }

    boolean awaitEnd(long seconds) throws InterruptedException {
        return ended.await(seconds, TimeUnit.SECONDS);
    }

    void close() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            try {
                JsonNode event = TestServer.JSON.readTree(text.toString());
                texts.add(event);
                if (event.get("type").asText().equals("progress")) {
                    progressArrivals.add(System.nanoTime());
                }
                if (event.get("type").asText().equals("state")
                        && event.get("state").asText().matches("done|failed|cancelled")) {
                    ended.countDown();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            binaries.add(binary.toByteArray());
            binaryArrivals.add(System.nanoTime());
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    long count(String type) {
        return texts.stream().filter(t -> t.get("type").asText().equals(type)).count();
    }
}
