package flowplay.web.ui;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.json.Json;
import flowplay.web.PageErrors;
import flowplay.web.net.BinaryGet;
import flowplay.web.net.HttpResult;
import flowplay.web.net.RunClient;
import flowplay.web.sampling.SampleView;
import java.util.List;
import java.util.Map;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #timeline}: a range input over the run's checkpoints on the server, to scrub back through training. It is
 * filled when the run pauses or ends (while it trains, the stream's newest checkpoint is drawn instead); moving it
 * downloads that step's checkpoint and draws it like a loaded file. Only the newest request is applied, so dragging
 * quickly never lands an older step last. {@code data-steps} lists the steps, {@code data-step} is the one chosen.
 */
public final class Timeline {
    private final HTMLElement input;
    private final HTMLElement label;
    private final RunClient client;
    private final SampleView view;
    private final DownloadLink link;
    private String runId;
    private long[] steps = new long[0];
    private int request;

    public Timeline(HTMLElement input, HTMLElement label, RunClient client, SampleView view, DownloadLink link) {
        this.input = input;
        this.label = label;
        this.client = client;
        this.view = view;
        this.link = link;
        input.addEventListener("input", (Event e) -> PageErrors.guarded("timeline", this::chosen));
        input.addEventListener("change", (Event e) -> PageErrors.guarded("timeline", this::chosen));
        clear();
    }

    /** The run session's state changes: a new run (or none) empties the timeline; a pause or an end fills it. */
    public void follow(String id, String state) {
        if (id == null || !id.equals(runId)) {
            runId = id;
            clear();
            if (id == null) {
                link.hide();
            } else {
                link.show("/api/runs/" + id + "/checkpoint");
            }
        }
        if (id != null && ("paused".equals(state) || "done".equals(state) || "failed".equals(state) || "cancelled".equals(state))) {
            client.checkpoints(id, result -> PageErrors.guarded("timeline", () -> listed(id, result)));
        }
    }

    private void clear() {
        steps = new long[0];
        request++;
        input.setAttribute("data-steps", "");
        input.removeAttribute("data-step");
        Dom.setDisabled(input, true);
        Dom.setText(label, "");
    }

    private void listed(String id, HttpResult result) {
        if (!id.equals(runId) || !result.ok()) {
            return;
        }
        List<?> files = (List<?>) Json.parse(result.body());
        steps = new long[files.size()];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < steps.length; i++) {
            steps[i] = ((Number) ((Map<?, ?>) files.get(i)).get("step")).longValue();
            text.append(i > 0 ? "," : "").append(steps[i]);
        }
        input.setAttribute("data-steps", text.toString());
        input.setAttribute("min", "0");
        input.setAttribute("max", Integer.toString(Math.max(0, steps.length - 1)));
        Dom.setValue(input, Integer.toString(Math.max(0, steps.length - 1)));
        Dom.setDisabled(input, steps.length < 2);
        if (steps.length > 0) {
            input.setAttribute("data-step", Long.toString(steps[steps.length - 1]));
            Dom.setText(label, "step " + steps[steps.length - 1] + " (newest)");
        }
    }

    private void chosen() {
        if (runId == null || steps.length == 0) {
            return;
        }
        int index = (int) Math.max(0, Math.min(steps.length - 1, Double.parseDouble(Dom.value(input))));
        long step = steps[index];
        String id = runId;
        int mine = ++request;
        String url = RunClient.checkpointsUrl(id) + "/" + step;
        input.setAttribute("data-step", Long.toString(step));
        Dom.setText(label, "step " + step + "…");
        BinaryGet.fetch(url, bytes -> PageErrors.guarded("timeline", () -> {
            if (mine != request || !id.equals(runId)) {
                return; // a newer choice or another run replaced this one
            }
            if (bytes == null) {
                Dom.setText(label, "step " + step + ": could not download it");
                return;
            }
            view.load(Checkpoint.fromBytes(bytes), "run");
            link.show(url);
            Dom.setText(label, "step " + step + (index == steps.length - 1 ? " (newest)" : ""));
        }));
    }
}
