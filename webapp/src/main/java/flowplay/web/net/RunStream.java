package flowplay.web.net;

import flowplay.core.json.Json;
import flowplay.web.PageErrors;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.MessageEvent;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.websocket.WebSocket;

/**
 * One subscription to {@code /api/runs/{id}/stream}. The server sends the newest state, progress and checkpoint on
 * connect, so reconnecting after a dropped socket loses nothing; it retries a few times while the run is unfinished.
 */
public final class RunStream {
    private static final int MAX_RETRIES = 5;
    private static final int RETRY_MS = 1000;

    private final String url;
    private final StreamListener listener;
    private WebSocket socket;
    private boolean closed;
    private boolean finished;
    private int retries;

    RunStream(String url, StreamListener listener) {
        this.url = url;
        this.listener = listener;
        open();
    }

    /** Stops listening; no callbacks after this. */
    public void close() {
        closed = true;
        if (socket != null) {
            socket.close();
        }
    }

    private void open() {
        WebSocket ws = new WebSocket(url);
        ws.setBinaryType("arraybuffer");
        ws.onMessage(e -> {
            if (!closed && ws == socket) {
                onMessage(e);
            }
        });
        ws.onOpen(e -> retries = 0);
        ws.onClose(e -> {
            if (closed || finished || ws != socket) {
                return;
            }
            if (retries++ < MAX_RETRIES) {
                Window.setTimeout(() -> {
                    if (!closed) {
                        open();
                    }
                }, RETRY_MS);
            } else {
                listener.onLost("the stream closed and did not reopen after " + MAX_RETRIES + " tries");
            }
        });
        socket = ws;
    }

    private void onMessage(MessageEvent e) {
        try {
            if (isString(e.getData())) {
                onText(e.getDataAsString());
            } else {
                ArrayBuffer buffer = e.getDataAsArray();
                listener.onCheckpoint(new Int8Array(buffer).copyToJavaArray());
            }
        } catch (RuntimeException ex) {
            PageErrors.report("stream message", ex);
        }
    }

    @SuppressWarnings("unchecked")
    private void onText(String text) {
        Object parsed = Json.parse(text);
        if (!(parsed instanceof Map)) {
            return;
        }
        Map<String, Object> m = (Map<String, Object>) parsed;
        Object type = m.get("type");
        if ("progress".equals(type)) {
            listener.onProgress((long) number(m.get("step")), number(m.get("loss")), number(m.get("stepsPerSecond")));
        } else if ("state".equals(type)) {
            String state = String.valueOf(m.get("state"));
            Object reason = m.get("reason");
            if ("done".equals(state) || "failed".equals(state) || "cancelled".equals(state)) {
                finished = true;
            }
            double position = number(m.get("queuePosition"));
            listener.onState(state, reason == null ? null : String.valueOf(reason), Double.isNaN(position) ? 0 : (int) position);
        }
    }

    private static double number(Object o) {
        return o instanceof Number ? ((Number) o).doubleValue() : Double.NaN;
    }

    @JSBody(params = "data", script = "return typeof data === 'string';")
    private static native boolean isString(JSObject data);
}
