package flowplay.web.net;

import flowplay.core.json.Json;
import java.util.Map;
import java.util.function.Consumer;
import org.teavm.jso.ajax.XMLHttpRequest;
import org.teavm.jso.browser.Window;

/**
 * The server's run API from the browser: create and cancel runs over HTTP (same origin), follow one over a WebSocket.
 * See docs/internal-contract.md, "HTTP API".
 */
public final class RunClient {

    /** POST /api/runs with the train settings; the body is a JSON object of raw values (the server validates). */
    public void create(Map<String, String> trainSettings, Consumer<HttpResult> done) {
        request("POST", "/api/runs", Json.write(trainSettings), done);
    }

    /** GET /api/datasets/{name}: a file data set's points as CSV. */
    public void datasetPoints(String name, Consumer<HttpResult> done) {
        request("GET", "/api/datasets/" + encode(name), null, done);
    }

    /** DELETE /api/runs/{id}. */
    public void cancel(String id, Consumer<HttpResult> done) {
        request("DELETE", "/api/runs/" + encode(id), null, done);
    }

    /** POST /api/runs/{id}/pause: the run waits between two steps until resumed (or cancelled). */
    public void pause(String id, Consumer<HttpResult> done) {
        request("POST", "/api/runs/" + encode(id) + "/pause", null, done);
    }

    /** POST /api/runs/{id}/resume. */
    public void resume(String id, Consumer<HttpResult> done) {
        request("POST", "/api/runs/" + encode(id) + "/resume", null, done);
    }

    /** GET /api/runs/{id}/checkpoints: the run's checkpoints on disk, step ascending. */
    public void checkpoints(String id, Consumer<HttpResult> done) {
        request("GET", checkpointsUrl(id), null, done);
    }

    /** Where the run's checkpoints are listed; {@code + "/" + step} downloads one. */
    public static String checkpointsUrl(String id) {
        return "/api/runs/" + encode(id) + "/checkpoints";
    }

    /** Opens the run's stream; close the returned subscription to stop listening. */
    public RunStream subscribe(String id, StreamListener listener) {
        return new RunStream(streamUrl(id), listener);
    }

    private static String streamUrl(String id) {
        String protocol = Window.current().getLocation().getProtocol();
        String scheme = "https:".equals(protocol) ? "wss://" : "ws://";
        return scheme + Window.current().getLocation().getHost() + "/api/runs/" + encode(id) + "/stream";
    }

    private static String encode(String s) {
        return Window.encodeURIComponent(s);
    }

    private static void request(String method, String url, String body, Consumer<HttpResult> done) {
        XMLHttpRequest xhr = new XMLHttpRequest();
        xhr.open(method, url);
        // onloadend fires once on success, HTTP error, network error and abort alike; status is 0 for the last two.
        xhr.onLoadEnd(e -> done.accept(new HttpResult(xhr.getStatus(), xhr.getResponseText())));
        if (body != null) {
            xhr.setRequestHeader("Content-Type", "application/json");
            xhr.send(body);
        } else {
            xhr.send();
        }
    }
}
