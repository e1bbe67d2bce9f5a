package flowplay.web.sampling;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.Datasets;
import flowplay.core.data.DigitImages;
import flowplay.core.data.UserPoints;
import flowplay.core.model.PredictionField;
import flowplay.core.settings.Settings;
import flowplay.core.solver.SolveResult;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.sampling.SamplingPlan;
import flowplay.core.solver.TimeGrid;
import flowplay.web.PageErrors;
import flowplay.web.Redraw;
import flowplay.web.gpu.GpuSampler;
import flowplay.web.gpu.SamplerRoute;
import flowplay.web.net.RunClient;
import flowplay.web.points.PointSet;
import flowplay.web.render.Renderer;
import flowplay.web.render.Scene;
import flowplay.web.render.ViewBox;
import flowplay.web.ui.SettingsForm;
import flowplay.web.ui.StatsView;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The {@code #plot} picture and {@code #stats}: the data set, and from the first checkpoint on the model's samples,
 * integrated from the fixed source noise, with their trajectories. The data set is the run's, or before a run the
 * one chosen; while the user edits points, those points alone (from an edit until the next run or loaded model).
 * Everything runs on the browser's one thread, so draws are coalesced: only the newest checkpoint is ever decoded and
 * sampled, and a change of the data set alone redraws the last samples without sampling again.
 */
public final class SampleView implements SettingsForm.Listener {
    private final SettingsForm settings;
    private final StatsView stats;
    private final SourceNoise noise = new SourceNoise();
    private final Sampling sampling = new Sampling();
    private final ReferencePoints reference;
    private final List<ModelListener> modelListeners = new ArrayList<>();
    /** Hears digits (64-D) models, which this picture and the 2-D views cannot draw; and null when a 2-D one replaces them. */
    private ModelListener imageModels;
    private final HTMLElement plot;
    private final Redraw redraw = Redraw.afterEvents("drawing", this::draw);
    /** False while only the data set behind the samples changed: the next draw reuses the last samples. */
    private boolean resample = true;
    private Scene lastScene;
    /** True from an edit of the user's points until the next run: the picture shows the points being prepared. */
    private boolean editingPoints;
    private double drawnHalfExtent = ViewBox.HALF_EXTENT;

    private Renderer renderer;
    /** The data set of the current run; null before the first run, while the picture follows the dataset setting. */
    private String runDataset;
    private byte[] pendingCheckpoint;
    private PredictionField field;
    private long fieldStep = -1;
    /** Where the drawn model came from: "run" or a loaded file's name. */
    private String fieldSource = "run";
    private float[] lastSamples = new float[0];
    private int lastCount;
    /** GPU or CPU for the samples; CPU until the page wires a route. */
    private SamplerRoute route;
    /** Bumped by every sampling, a new run and Reset: a GPU result for an older ticket is dropped. */
    private int ticket;
    /**
     * True while GPU samples are on their way: drawings asked for meanwhile wait for them ({@link #deferred}), so a
     * burst of checkpoints costs one GPU solve at a time and the newest checkpoint is drawn next, never a backlog.
     */
    private boolean gpuBusy;
    private boolean deferred;

    /** @param plot the {@code #plot} canvas: it gets {@code data-reference} and {@code data-reference-count} */
    public SampleView(SettingsForm settings, StatsView stats, HTMLElement plot, PointSet userPoints, RunClient client) {
        this.settings = settings;
        this.stats = stats;
        this.plot = plot;
        this.reference = new ReferencePoints(client, userPoints, this::referenceChanged);
    }

    /** The user's points changed: draw them alone, as the data set being prepared, until the next run or model. */
    public void pointsEdited() {
        editingPoints = true;
        referenceChanged();
    }

    /** The half width of the box drawn last, for mapping a click on the canvas to data coordinates. */
    public double halfExtent() {
        return drawnHalfExtent;
    }

    private void referenceChanged() {
        redraw.request();
    }

    private void resampleNext() {
        resample = true;
        redraw.request();
    }

    /** Where the samples are integrated: the GPU when the route allows it, else the CPU. */
    public void useSamplerRoute(SamplerRoute samplerRoute) {
        route = samplerRoute;
    }

    /** Nothing is drawn before the renderer is chosen; a device loss may replace it later. */
    public void useRenderer(Renderer chosen) {
        renderer = chosen;
        resampleNext();
    }

    /** A new run replaces the old one's model: until its first checkpoint only its data set is shown. */
    public void startRun(String dataset) {
        ticket++;
        if (imageModels != null && !DigitImages.NAME.equals(dataset)) {
            imageModels.modelChanged(null, "run", dataset);
        }
        runDataset = dataset;
        field = null;
        fieldStep = -1;
        pendingCheckpoint = null;
        lastCount = 0;
        stats.clear();
        editingPoints = false;
        resampleNext();
    }

    /** Kept undecoded: a newer checkpoint arriving before the draw replaces it at no cost. */
    public void checkpoint(byte[] safetensors) {
        pendingCheckpoint = safetensors;
        resampleNext();
    }

    /** A checkpoint decoded from a local file: drawn like a streamed one, until the next run or file replaces it. */
    public void load(Checkpoint checkpoint, String fileName) {
        pendingCheckpoint = null;
        editingPoints = false;
        use(checkpoint, fileName);
        resampleNext();
    }

    /**
     * Forgets the run and its model (Reset): the picture returns to the data set chosen in the settings, as before the
     * first run.
     */
    public void reset() {
        ticket++;
        if (imageModels != null) {
            imageModels.modelChanged(null, "run", null);
        }
        runDataset = null;
        field = null;
        fieldStep = -1;
        pendingCheckpoint = null;
        lastCount = 0;
        lastSamples = new float[0];
        lastScene = null;
        stats.clear();
        editingPoints = false;
        resampleNext();
    }

    /**
     * Draws the last picture again, now, in the caller's task: a WebGPU canvas can be read back only in the task that
     * rendered it (after the frame is presented its pixels read transparent), so an export redraws before it captures.
     * Returns false when nothing has been drawn yet.
     */
    public boolean redrawNow() {
        if (renderer == null || lastScene == null) {
            return false;
        }
        renderer.draw(lastScene);
        return true;
    }

    /** The last drawing's trajectories as CSV: {@code point,t,x,y} per (point, frame), no header (the CLI's format). */
    public String trajectoriesCsv() {
        if (field == null || lastScene == null || !lastScene.hasTrajectories()) {
            return "";
        }
        return TrajectoriesCsv.write(lastScene, sampling.times());
    }

    /** The samples of the last drawing as CSV, one point per line, no header (the CLI's {@code sample --out}). */
    public String samplesCsv() {
        return PointsCsv.write(lastSamples, lastCount, SourceNoise.DIM);
    }

    /** How many drawings were made so far ({@code #stats[data-draws]}), to tie an export to its drawing. */
    public String draws() {
        return Long.toString(stats.draws());
    }

    private void use(Checkpoint checkpoint, String source) {
        boolean flat = checkpoint.model().dim() == SourceNoise.DIM;
        if (imageModels != null) {
            imageModels.modelChanged(flat ? null : checkpoint, source, currentDataset());
        }
        if (!flat) {
            field = null; // the picture shows no samples; the digits panel takes its place
            fieldStep = checkpoint.step();
            fieldSource = source;
            return;
        }
        field = checkpoint.velocityField();
        fieldStep = checkpoint.step();
        fieldSource = source;
        String dataset = currentDataset();
        for (ModelListener l : modelListeners) {
            l.modelChanged(checkpoint, source, dataset);
        }
    }

    /** The view that draws digits models instead of this picture (only one: the page has one digits panel). */
    public void useImageModels(ModelListener listener) {
        imageModels = listener;
    }

    /** Registers a view that draws the same model as this one. */
    public void addModelListener(ModelListener listener) {
        modelListeners.add(listener);
    }

    /** The data set the picture shows now. */
    public String currentDataset() {
        return editingPoints ? UserPoints.NAME : runDataset != null ? runDataset : settings.trainValue("dataset");
    }

    /** The points of the data set the picture shows (row-major x, y), for views that compare against the data. */
    public float[] referencePoints() {
        String dataset = currentDataset();
        float[] all = reference.of(dataset);
        int count = reference.count(dataset);
        if (all.length == 2 * count) {
            return all;
        }
        float[] out = new float[2 * count];
        System.arraycopy(all, 0, out, 0, out.length);
        return out;
    }

    /** The source noise every view samples from, so that views compare like with like. */
    public SourceNoise noise() {
        return noise;
    }

    @Override
    public void trainEdited(String name) {
        if (!"dataset".equals(name)) {
            return;
        }
        // Choosing a data set ends the editing of points (the points panel starts it again when it chose "points").
        // Once a run exists the picture shows its data set, whatever the control says now.
        boolean wasEditing = editingPoints;
        editingPoints = false;
        if (runDataset == null || wasEditing) {
            referenceChanged();
        }
    }

    @Override
    public void sampleEdited(String name) {
        if (Settings.STRIP.contains(name)) {
            return; // the strip's own settings do not change this picture
        }
        resampleNext();
    }

    @Override
    public void hashApplied() {
        editingPoints = false;
        resampleNext();
    }

    private void draw() {
        if (gpuBusy) {
            deferred = true;
            return;
        }
        if (pendingCheckpoint != null) {
            Checkpoint checkpoint = Checkpoint.fromBytes(pendingCheckpoint);
            pendingCheckpoint = null;
            use(checkpoint, "run");
        }
        if (renderer == null) {
            return; // drawn when the renderer is chosen
        }
        boolean again = resample || lastScene == null;
        if (!editingPoints) {
            resample = false; // kept while editing: the samples are drawn again once the editing ends
        }
        // While points are edited they are drawn alone: the last model's samples would hide them.
        Scene scene = again || editingPoints ? new Scene() : lastScene;
        showReference(scene);
        if (editingPoints || field == null || !again) {
            renderer.draw(scene);
            if (!editingPoints) {
                lastScene = scene;
            }
            return;
        }
        SampleConfig c = settings.sampleConfig();
        if (c == null) {
            return; // keep the last picture; the message says which setting is wrong
        }
        int n = c.samples();
        float[] x0 = noise.points(c.noiseSeed(), n);
        SamplingPlan plan = c.plan(field, SamplingGrid.EPS);
        TimeGrid grid = plan.grid(c.steps());
        int mine = ++ticket;
        // The GPU integrates the trained field itself: a schedule change (another field) stays on the CPU.
        GpuSampler gpu = route == null ? null : c.schedule() != null
                ? route.onCpu("the schedule change to " + c.schedule().name()
                        + " samples a transformed field, which the GPU sampler does not run")
                : route.choose(field, c.solver(), grid.steps(), n);
        if (gpu != null) {
            drawFromGpu(gpu, mine, c, grid, x0, n, scene);
            return;
        }
        double start = now();
        SolveResult result = sampling.run(plan.field(), c.integrator(), grid, x0, n, scene);
        double millis = now() - start;
        lastSamples = scene.samples;
        lastCount = n;
        renderer.draw(scene);
        lastScene = scene;
        stats.show(fieldStep, SampleStats.of(scene.samples, n), result.nfe(), millis, SamplingGrid.label(grid), modelLabel(c));
    }

    /**
     * The samples from the GPU, asynchronously; the drawn paths of the leading points from the CPU now (they are
     * few, and rows are independent). The last picture stays until the samples arrive. A GPU failure is a page error,
     * and the picture is sampled again on the CPU.
     */
    private void drawFromGpu(GpuSampler gpu, int mine, SampleConfig c, TimeGrid grid, float[] x0, int n, Scene scene) {
        double start = now();
        SolveResult paths = sampling.runPaths(field, c.integrator(), grid, x0, n, scene);
        long step = fieldStep;
        String model = modelLabel(c);
        gpuBusy = true;
        gpu.sample(field, c.solver(), grid, x0, n, samples -> PageErrors.guarded("drawing GPU samples", () -> {
            gpuBusy = false;
            try {
                if (mine == ticket && renderer != null) {
                    double millis = now() - start;
                    scene.samples = samples;
                    scene.sampleCount = n;
                    lastSamples = samples;
                    lastCount = n;
                    if (!editingPoints) {
                        showReference(scene); // the data set may have changed while the GPU worked
                        renderer.draw(scene);
                    }
                    lastScene = scene;
                    stats.show(step, SampleStats.of(samples, n), paths.nfe(), millis, SamplingGrid.label(grid), model);
                }
            } finally {
                if (deferred) {
                    deferred = false;
                    redraw.request();
                }
            }
        }), reason -> PageErrors.guarded("GPU sampler failure", () -> {
            gpuBusy = false;
            deferred = false;
            PageErrors.report("WebGPU sampler failed, sampling on the CPU from now on: " + reason);
            route.gpuFailed(reason);
            resampleNext();
        }));
    }

    /** Puts the data set the picture shows now behind the samples, and says which on {@code #plot}. */
    private void showReference(Scene scene) {
        String dataset = currentDataset();
        scene.reference = reference.of(dataset);
        scene.referenceCount = reference.count(dataset);
        scene.givenPoints = !Datasets.isBuiltIn(dataset);
        scene.halfExtent = ViewBox.fitting(scene.reference, scene.referenceCount);
        drawnHalfExtent = scene.halfExtent;
        plot.setAttribute("data-reference", dataset);
        plot.setAttribute("data-reference-count", Integer.toString(scene.referenceCount));
    }

    /** E.g. "run step 250 · condot · x0", "model.safetensors · cosine · score", "run step 300 · condot → vp · velocity". */
    private String modelLabel(SampleConfig c) {
        String where = "run".equals(fieldSource) ? "run step " + fieldStep
                : fieldSource + (fieldStep >= 0 ? " (step " + fieldStep + ")" : "");
        return where + " · " + field.path().scheduler().name() + (c.schedule() == null ? "" : " → " + c.schedule().name())
                + " · " + field.prediction().id();
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
