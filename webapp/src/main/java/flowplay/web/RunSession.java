package flowplay.web;

import flowplay.core.data.UserPoints;
import flowplay.web.net.CreateReply;
import flowplay.web.net.HttpResult;
import flowplay.web.net.RunClient;
import flowplay.web.net.RunStream;
import flowplay.web.net.StreamListener;
import flowplay.web.points.PointSet;
import flowplay.web.sampling.SampleView;
import flowplay.web.ui.Dom;
import flowplay.web.ui.LossChart;
import flowplay.web.ui.RunStatus;
import flowplay.web.ui.SettingsForm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The run lifecycle behind {@code #train}, {@code #cancel}, {@code #pause}, {@code #resume} and {@code #reset}: Train creates a run on the server (cancelling the one
 * still going) and follows its stream into the status line, the loss chart and the sample view. Messages of a replaced
 * run are dropped, so a late one from the old stream never lands on the new run's page. A run on the {@code points}
 * data set is sent the user's points as CSV.
 */
public final class RunSession {
    private final RunClient client = new RunClient();
    private final SettingsForm settings;
    private final SampleView view;
    private final RunStatus status;
    private final LossChart chart;
    private final Redraw chartRedraw;
    private final HTMLElement trainButton;
    private final HTMLElement cancelButton;
    private final PointSet points;

    private final HTMLElement pauseButton;
    private final HTMLElement resumeButton;
    /** Told (run id or null, state) on every state change, so the timeline and download link can follow the run. */
    private BiConsumer<String, String> stateListener = (id, state) -> { };

    private String runId;
    private long runSteps;
    private RunStream stream;

    public RunSession(SettingsForm settings, SampleView view, RunStatus status, LossChart chart, HTMLElement trainButton,
            HTMLElement cancelButton, PointSet points) {
        this.settings = settings;
        this.points = points;
        this.view = view;
        this.status = status;
        this.chart = chart;
        this.chartRedraw = Redraw.nextFrame("loss chart", chart::draw);
        this.trainButton = trainButton;
        this.cancelButton = cancelButton;
        this.pauseButton = Dom.byId("pause");
        this.resumeButton = Dom.byId("resume");
        chart.draw();
        Dom.setDisabled(cancelButton, true);
        Dom.setDisabled(pauseButton, true);
        Dom.setDisabled(resumeButton, true);
        pauseButton.addEventListener("click", (Event e) -> PageErrors.guarded("pause", () -> pauseOrResume(true)));
        resumeButton.addEventListener("click", (Event e) -> PageErrors.guarded("resume", () -> pauseOrResume(false)));
        Dom.byId("reset").addEventListener("click", (Event e) -> PageErrors.guarded("reset", this::reset));
        trainButton.addEventListener("click", (Event e) -> PageErrors.guarded("train", this::train));
        cancelButton.addEventListener("click", (Event e) -> PageErrors.guarded("cancel", this::cancel));
    }

    private void train() {
        status.clearMessage();
        Map<String, String> request = new LinkedHashMap<>(settings.trainValues());
        if (UserPoints.NAME.equals(request.get("dataset"))) {
            if (points.count() < UserPoints.MIN_POINTS) {
                status.message("Not started — the points data set trains on your own points: upload a CSV or draw at least "
                        + UserPoints.MIN_POINTS + " points first", UserPoints.NAME);
                return;
            }
            request.put(UserPoints.NAME, points.csv());
        }
        if (runId != null && isActive(status.state())) {
            client.cancel(runId, r -> { });
        }
        closeStream();
        Dom.setDisabled(trainButton, true);
        client.create(request, result -> PageErrors.guarded("create run", () -> onCreated(result)));
    }

    private void onCreated(HttpResult result) {
        Dom.setDisabled(trainButton, false);
        if (result.status() == 0) {
            status.message("Could not reach the server: is it running?", null);
            return;
        }
        CreateReply reply = CreateReply.read(result, settings.trainValues());
        if (!reply.accepted()) {
            status.message("Not started — " + reply.refusal(), reply.field());
            if (reply.field() != null) {
                settings.refuseTrain(reply.field(), reply.refusal());
            }
            return;
        }
        runId = reply.id();
        runSteps = reply.steps();
        setState(reply.state());
        status.clearProgress();
        chart.reset(runSteps);
        chartRedraw.request();
        view.startRun(reply.dataset());
        Dom.setDisabled(cancelButton, false);
        stream = client.subscribe(runId, follower(runId));
    }

    /** The stream's messages for run {@code id}, ignored once another run has replaced it. */
    private StreamListener follower(String id) {
        return new StreamListener() {
            @Override
            public void onProgress(long step, double loss, double stepsPerSecond) {
                if (!id.equals(runId)) {
                    return;
                }
                status.progress(step, runSteps, loss, stepsPerSecond);
                chart.add(step, loss);
                chartRedraw.request();
            }

            @Override
            public void onState(String state, String reason, int queuePosition) {
                if (!id.equals(runId)) {
                    return;
                }
                setState(state);
                status.queuePosition(queuePosition);
                if ("failed".equals(state)) {
                    status.message("The run failed: " + (reason == null ? "no reason given" : reason), null);
                }
            }

            @Override
            public void onCheckpoint(byte[] safetensors) {
                if (id.equals(runId)) {
                    view.checkpoint(safetensors);
                }
            }

            @Override
            public void onLost(String why) {
                if (id.equals(runId)) {
                    status.message(why, null);
                }
            }
        };
    }

    private void cancel() {
        if (runId == null) {
            return;
        }
        client.cancel(runId, result -> {
            if (!result.ok()) {
                status.message("Cancel failed: HTTP " + result.status() + " " + result.body(), null);
            }
        });
    }

    public void setStateListener(BiConsumer<String, String> listener) {
        stateListener = listener;
    }

    /** The state line, the buttons that make sense in that state, and the state listener. */
    private void setState(String state) {
        status.setState(state);
        Dom.setDisabled(cancelButton, !isActive(state));
        Dom.setDisabled(pauseButton, !"running".equals(state));
        Dom.setDisabled(resumeButton, !"paused".equals(state));
        stateListener.accept(runId, state);
    }

    /** The stream reports the new state; the reply only tells of a refusal (e.g. the run ended meanwhile). */
    private void pauseOrResume(boolean pause) {
        if (runId == null) {
            return;
        }
        java.util.function.Consumer<HttpResult> done = result -> {
            if (!result.ok()) {
                status.message((pause ? "Pause" : "Resume") + " failed: HTTP " + result.status() + " " + result.body(), null);
            }
        };
        if (pause) {
            client.pause(runId, done);
        } else {
            client.resume(runId, done);
        }
    }

    /**
     * Reset: forgets the current run (cancelling it if it still trains) and its drawing; the page shows the data set
     * chosen in the settings again, as before the first run.
     */
    private void reset() {
        if (runId != null && isActive(status.state())) {
            client.cancel(runId, r -> { });
        }
        closeStream();
        runId = null;
        runSteps = 0;
        status.clearMessage();
        status.clearProgress();
        chart.reset(0);
        chartRedraw.request();
        view.reset();
        setState("idle");
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private static boolean isActive(String state) {
        return "queued".equals(state) || "running".equals(state) || "paused".equals(state);
    }
}
