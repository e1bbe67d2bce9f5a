package flowplay.web;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.Datasets;
import flowplay.core.json.Json;
import flowplay.core.model.MlpVelocityField;
import flowplay.core.model.VelocityField;
import flowplay.core.rng.Rng;
import flowplay.core.settings.Setting;
import flowplay.core.settings.SettingException;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.core.solver.Solvers;
import flowplay.web.net.HttpResult;
import flowplay.web.net.RunClient;
import flowplay.web.net.RunStream;
import flowplay.web.net.StreamListener;
import flowplay.web.render.Renderer;
import flowplay.web.render.RendererSelector;
import flowplay.web.render.Scene;
import flowplay.web.sampling.SampleStats;
import flowplay.web.sampling.Sampling;
import flowplay.web.sampling.SourceNoise;
import flowplay.web.ui.ControlPanel;
import flowplay.web.ui.Dom;
import flowplay.web.ui.LossChart;
import flowplay.web.ui.RunStatus;
import flowplay.web.ui.StatsView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Wires the page: settings table → controls and URL hash; Train → run on the server → stream of progress and
 * checkpoints → core sampler on fixed noise → renderer and {@code #stats}. Everything runs on the browser's one
 * thread, so work is coalesced: only the newest checkpoint is ever decoded and sampled.
 */
public final class App {
    /** The data set preview: enough points to show the shape, few enough to stay in the background. */
    private static final int REFERENCE_COUNT = 1500;
    private static final long REFERENCE_SEED = 7;

    private final RunClient client = new RunClient();
    private final SourceNoise noise = new SourceNoise();
    private final Sampling sampling = new Sampling();
    private ControlPanel train;
    private ControlPanel sample;
    private RunStatus status;
    private StatsView stats;
    private LossChart chart;
    private HTMLElement trainButton;
    private HTMLElement cancelButton;
    private HTMLElement badge;
    private HTMLElement notice;
    private HTMLElement sampleMessage;
    private boolean forceCanvas2d;
    private String rendererNote = "";

    private Renderer renderer;
    private String runId;
    private RunStream stream;
    private long runSteps;
    private String runDataset;
    private byte[] pendingCheckpoint;
    private VelocityField field;
    private long fieldStep = -1;
    private String referenceName;
    private float[] reference;
    private boolean drawScheduled;
    private boolean chartScheduled;

    public static void main(String[] args) {
        PageErrors.install();
        try {
            new App().start();
        } catch (RuntimeException e) {
            PageErrors.report("start-up", e);
        }
    }

    private void start() {
        status = new RunStatus(Dom.byId("run-state"), Dom.byId("run-progress"), Dom.byId("run-message"));
        stats = new StatsView(Dom.byId("stats"));
        chart = new LossChart((HTMLCanvasElement) Dom.byId("loss"));
        chart.draw();
        notice = Dom.byId("notice");
        sampleMessage = Dom.byId("sample-message");
        badge = Dom.byId("renderer");
        train = new ControlPanel(Dom.byId("train-controls"), Settings.TRAIN, this::onTrainSettingChanged);
        sample = new ControlPanel(Dom.byId("sample-controls"), Settings.SAMPLE, this::onSampleSettingChanged);

        HashState hash = HashState.current();
        applyHash(hash);
        forceCanvas2d = hash.forcesCanvas2d();

        trainButton = Dom.byId("train");
        cancelButton = Dom.byId("cancel");
        Dom.setDisabled(cancelButton, true);
        trainButton.addEventListener("click", (Event e) -> guarded("train", this::onTrain));
        cancelButton.addEventListener("click", (Event e) -> guarded("cancel", this::onCancel));
        Window.current().addEventListener("hashchange", (Event e) -> guarded("hash", () -> {
            applyHash(HashState.current());
            scheduleDraw();
        }));

        Dom.setText(badge, "choosing renderer…");
        RendererSelector.select((HTMLCanvasElement) Dom.query("canvas#plot"), forceCanvas2d, this::useRenderer,
                reason -> rendererNote = reason);
    }

    // ---- settings, hash -------------------------------------------------------------------------------------------

    /** Puts valid hash values into the controls; lists the rest in {@code #notice} instead of failing. */
    private void applyHash(HashState hash) {
        List<String> problems = new ArrayList<>(hash.problems());
        for (Map.Entry<String, String> e : hash.values().entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (HashState.RENDERER.equals(key)) {
                if (!"canvas2d".equals(value) && !"webgpu".equals(value) && !"auto".equals(value)) {
                    problems.add("renderer: unknown value '" + value + "' (allowed: canvas2d, webgpu, auto)");
                }
                continue;
            }
            ControlPanel panel = train.has(key) ? train : sample.has(key) ? sample : null;
            if (panel == null) {
                problems.add(key + ": unknown setting");
                continue;
            }
            Setting setting = Settings.find(panel.table(), key);
            try {
                panel.set(key, setting.normalize(value));
            } catch (SettingException ex) {
                problems.add(ex.getMessage());
            }
        }
        if (problems.isEmpty()) {
            Dom.setText(notice, "");
            notice.removeAttribute("data-notice");
            notice.setHidden(true);
        } else {
            String text = "Ignored in the URL: " + String.join("; ", problems);
            Dom.setText(notice, text);
            notice.setAttribute("data-notice", text);
            notice.setHidden(false);
        }
    }

    private void writeHash() {
        Map<String, String> values = new LinkedHashMap<>(train.rawValues());
        values.putAll(sample.rawValues());
        if (forceCanvas2d) {
            values.put(HashState.RENDERER, "canvas2d");
        }
        HashState.write(values);
    }

    private void onTrainSettingChanged(String name) {
        writeHash();
        if ("dataset".equals(name) && runDataset == null) {
            scheduleDraw();
        }
    }

    private void onSampleSettingChanged(String name) {
        writeHash();
        scheduleDraw();
    }

    /** The sample settings, or null (with the reason shown) when one is out of range. */
    private SettingValues sampleValues() {
        try {
            SettingValues v = Settings.parse(Settings.SAMPLE, sample.rawValues());
            Dom.setText(sampleMessage, "");
            sampleMessage.setHidden(true);
            return v;
        } catch (SettingException e) {
            sample.markInvalid(e.field(), e.getMessage());
            Dom.setText(sampleMessage, e.getMessage());
            sampleMessage.setHidden(false);
            return null;
        }
    }

    // ---- runs -----------------------------------------------------------------------------------------------------

    private void onTrain() {
        status.clearMessage();
        if (runId != null && isActive(status.state())) {
            client.cancel(runId, r -> { });
        }
        closeStream();
        Dom.setDisabled(trainButton, true);
        client.create(train.rawValues(), result -> guarded("create run", () -> onCreated(result)));
    }

    @SuppressWarnings("unchecked")
    private void onCreated(HttpResult result) {
        Dom.setDisabled(trainButton, false);
        if (result.status() == 0) {
            status.message("Could not reach the server: is it running?", null);
            return;
        }
        Object parsed = parseJson(result.body());
        Map<String, Object> body = parsed instanceof Map ? (Map<String, Object>) parsed : Map.of();
        if (!result.ok()) {
            String field = body.get("field") instanceof String ? (String) body.get("field") : null;
            String error = body.get("error") != null ? String.valueOf(body.get("error")) : "HTTP " + result.status();
            String allowed = body.get("allowed") != null ? String.valueOf(body.get("allowed")) : null;
            String text = (field != null && !error.contains(field) ? field + ": " : "") + error
                    + (allowed != null && !error.contains(allowed) ? " (allowed: " + allowed + ")" : "");
            status.message("Not started — " + text, field);
            if (field != null) {
                train.markInvalid(field, text);
            }
            return;
        }
        runId = String.valueOf(body.get("id"));
        Map<String, Object> settings = body.get("settings") instanceof Map ? (Map<String, Object>) body.get("settings") : Map.of();
        runSteps = (long) number(settings.get("steps"), number(train.value("steps"), 0));
        runDataset = settings.get("dataset") != null ? String.valueOf(settings.get("dataset")) : train.value("dataset");
        status.setState(body.get("state") != null ? String.valueOf(body.get("state")) : "queued");
        status.clearProgress();
        chart.reset(runSteps);
        scheduleChart();
        field = null;
        fieldStep = -1;
        pendingCheckpoint = null;
        stats.clear();
        Dom.setDisabled(cancelButton, false);
        scheduleDraw();
        String id = runId;
        stream = client.subscribe(id, new StreamListener() {
            @Override
            public void onProgress(long step, double loss, double stepsPerSecond) {
                if (!id.equals(runId)) {
                    return;
                }
                status.progress(step, runSteps, loss, stepsPerSecond);
                chart.add(step, loss);
                scheduleChart();
            }

            @Override
            public void onState(String state, String reason) {
                if (!id.equals(runId)) {
                    return;
                }
                status.setState(state);
                if (!isActive(state)) {
                    Dom.setDisabled(cancelButton, true);
                }
                if ("failed".equals(state)) {
                    status.message("The run failed: " + (reason == null ? "no reason given" : reason), null);
                }
            }

            @Override
            public void onCheckpoint(byte[] safetensors) {
                if (id.equals(runId)) {
                    pendingCheckpoint = safetensors;
                    scheduleDraw();
                }
            }

            @Override
            public void onLost(String why) {
                if (id.equals(runId)) {
                    status.message(why, null);
                }
            }
        });
    }

    private void onCancel() {
        if (runId == null) {
            return;
        }
        client.cancel(runId, result -> {
            if (!result.ok()) {
                status.message("Cancel failed: HTTP " + result.status() + " " + result.body(), null);
            }
        });
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private static boolean isActive(String state) {
        return "queued".equals(state) || "running".equals(state);
    }

    // ---- drawing --------------------------------------------------------------------------------------------------

    private void useRenderer(Renderer chosen) {
        renderer = chosen;
        boolean gpu = "webgpu".equals(chosen.name());
        Dom.setText(badge, gpu ? "WebGPU" : "Canvas2D");
        badge.setAttribute("data-renderer", chosen.name());
        badge.setAttribute("title", gpu ? "Drawn with WebGPU" : "Drawn with Canvas2D: " + rendererNote);
        scheduleDraw();
    }

    /** Coalesces redraw requests: a burst of checkpoints and edits costs one sampling pass, on the newest state. */
    private void scheduleDraw() {
        if (!drawScheduled) {
            drawScheduled = true;
            Window.setTimeout(() -> {
                drawScheduled = false;
                guarded("drawing", this::draw);
            }, 0);
        }
    }

    private void scheduleChart() {
        if (!chartScheduled) {
            chartScheduled = true;
            Window.requestAnimationFrame(t -> {
                chartScheduled = false;
                guarded("loss chart", chart::draw);
            });
        }
    }

    private void draw() {
        if (pendingCheckpoint != null) {
            Checkpoint checkpoint = Checkpoint.fromBytes(pendingCheckpoint);
            pendingCheckpoint = null;
            field = new MlpVelocityField(checkpoint.mlp());
            fieldStep = checkpoint.step();
        }
        if (renderer == null) {
            return; // drawn when the renderer is chosen
        }
        Scene scene = new Scene();
        scene.reference = reference(runDataset != null ? runDataset : train.value("dataset"));
        scene.referenceCount = scene.reference.length / SourceNoise.DIM;
        if (field == null) {
            renderer.draw(scene);
            return;
        }
        SettingValues v = sampleValues();
        if (v == null) {
            return; // keep the last picture; the message says which setting is wrong
        }
        int n = v.getInt("samples");
        float[] x0 = noise.points(v.getLong("noiseSeed"), n);
        double start = now();
        int nfe = sampling.run(field, Solvers.byName(v.getString("solver")), v.getInt("sampleSteps"), x0, n, scene);
        double millis = now() - start;
        renderer.draw(scene);
        stats.show(fieldStep, SampleStats.of(scene.samples, n), nfe, millis);
    }

    private float[] reference(String dataset) {
        if (!dataset.equals(referenceName)) {
            float[] points;
            try {
                points = new float[REFERENCE_COUNT * SourceNoise.DIM];
                Datasets.byName(dataset).sample(new Rng(REFERENCE_SEED), REFERENCE_COUNT, points);
            } catch (IllegalArgumentException e) {
                points = new float[0];
            }
            referenceName = dataset;
            reference = points;
        }
        return reference;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Event-handler boundary: a Java exception becomes a page error with its context instead of a bare script error. */
    private static void guarded(String where, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            PageErrors.report(where, e);
        }
    }

    private static Object parseJson(String text) {
        try {
            return text == null || text.isEmpty() ? null : Json.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static double number(Object o, double fallback) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        if (o instanceof String) {
            try {
                return Double.parseDouble((String) o);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
