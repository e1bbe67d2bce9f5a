package flowplay.server.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many run-stream subscribers, as a page would hold them: each reads every frame as it comes. The latency of a
 * progress frame is its arrival time minus its {@code at} (the server's publish time; same host, same clock). Frames
 * are picked apart by hand rather than parsed, so the load client takes as little CPU from the server as it can.
 */
final class Viewers implements AutoCloseable {
    private final List<WebSocket> sockets = new ArrayList<>();
    private final Latencies progressLatency;
    private final AtomicLong progressFrames = new AtomicLong();
    private final AtomicLong checkpointBytes = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> errorSamples = new ArrayList<>();
    private volatile boolean closing;

    Viewers(Latencies progressLatency) {
        this.progressLatency = progressLatency;
    }

    /** Opens {@code count} subscriptions spread evenly over the runs, and waits until all are open. */
    void open(HttpClient http, String base, List<String> runIds, int count) {
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            URI uri = URI.create(base.replaceFirst("^http", "ws") + "/api/runs/" + runIds.get(i % runIds.size()) + "/stream");
            opening.add(http.newWebSocketBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).buildAsync(uri, new Listener()));
        }
        for (CompletableFuture<WebSocket> f : opening) {
            try {
                sockets.add(f.get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                error("connect: " + e);
            }
        }
    }

    long progressFrames() {
        return progressFrames.get();
    }

    long checkpointBytes() {
        return checkpointBytes.get();
    }

    long errors() {
        return errors.get();
    }

    synchronized List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }

    private void error(String what) {
        errors.incrementAndGet();
        synchronized (this) {
            if (errorSamples.size() < 5) {
                errorSamples.add(what);
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        for (WebSocket ws : sockets) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((w, e) -> ws.abort());
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                long now = System.currentTimeMillis();
                String frame = text.toString();
                text.setLength(0);
                if (frame.contains("\"type\":\"progress\"")) {
                    progressFrames.incrementAndGet();
                    long at = number(frame, "\"at\":");
                    if (at > 0) {
                        progressLatency.add(now - at);
                    }
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            checkpointBytes.addAndGet(data.remaining());
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            if (!closing) {
                error("closed by the server: " + code + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (!closing) {
                error("socket error: " + error);
            }
        }
    }

    private static long number(String json, String key) {
        int i = json.indexOf(key);
        if (i < 0) {
            return -1;
        }
        int start = i + key.length();
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return end == start ? -1 : Long.parseLong(json, start, end, 10);
    }
}
