package flowplay.web.sampling;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.PredictionField;
import flowplay.core.settings.SettingValues;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import flowplay.web.Redraw;
import flowplay.web.render.Renderer;
import flowplay.web.render.Scene;
import flowplay.web.render.ViewBox;
import flowplay.web.ui.SettingsForm;
import flowplay.web.ui.StatsView;
import org.teavm.jso.JSBody;

/**
 * The {@code #plot} picture and {@code #stats}: the data set, and from the first checkpoint on the model's samples,
 * integrated from the fixed source noise, with their trajectories. Everything runs on the browser's one thread, so
 * draws are coalesced: only the newest checkpoint is ever decoded and sampled.
 */
public final class SampleView implements SettingsForm.Listener {
    private final SettingsForm settings;
    private final StatsView stats;
    private final SourceNoise noise = new SourceNoise();
    private final Sampling sampling = new Sampling();
    private final ReferencePoints reference = new ReferencePoints();
    private final Redraw redraw = Redraw.afterEvents("drawing", this::draw);

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

    public SampleView(SettingsForm settings, StatsView stats) {
        this.settings = settings;
        this.stats = stats;
    }

    /** Nothing is drawn before the renderer is chosen; a device loss may replace it later. */
    public void useRenderer(Renderer chosen) {
        renderer = chosen;
        redraw.request();
    }

    /** A new run replaces the old one's model: until its first checkpoint only its data set is shown. */
    public void startRun(String dataset) {
        runDataset = dataset;
        field = null;
        fieldStep = -1;
        pendingCheckpoint = null;
        lastCount = 0;
        stats.clear();
        redraw.request();
    }

    /** Kept undecoded: a newer checkpoint arriving before the draw replaces it at no cost. */
    public void checkpoint(byte[] safetensors) {
        pendingCheckpoint = safetensors;
        redraw.request();
    }

    /** A checkpoint decoded from a local file: drawn like a streamed one, until the next run or file replaces it. */
    public void load(Checkpoint checkpoint, String fileName) {
        pendingCheckpoint = null;
        use(checkpoint, fileName);
        redraw.request();
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
        field = checkpoint.velocityField();
        fieldStep = checkpoint.step();
        fieldSource = source;
    }

    @Override
    public void trainEdited(String name) {
        // Once a run exists the picture shows its data set, whatever the control says now.
        if ("dataset".equals(name) && runDataset == null) {
            redraw.request();
        }
    }

    @Override
    public void sampleEdited(String name) {
        redraw.request();
    }

    @Override
    public void hashApplied() {
        redraw.request();
    }

    private void draw() {
        if (pendingCheckpoint != null) {
            Checkpoint checkpoint = Checkpoint.fromBytes(pendingCheckpoint);
            pendingCheckpoint = null;
            use(checkpoint, "run");
        }
        if (renderer == null) {
            return; // drawn when the renderer is chosen
        }
        Scene scene = new Scene();
        scene.reference = reference.of(runDataset != null ? runDataset : settings.trainValue("dataset"));
        scene.referenceCount = scene.reference.length / SourceNoise.DIM;
        scene.halfExtent = ViewBox.fitting(scene.reference, scene.referenceCount);
        if (field == null) {
            renderer.draw(scene);
            return;
        }
        SettingValues v = settings.sampleValues();
        if (v == null) {
            return; // keep the last picture; the message says which setting is wrong
        }
        int n = v.getInt("samples");
        float[] x0 = noise.points(v.getLong("noiseSeed"), n);
        TimeGrid grid = SamplingGrid.of(field, v.getInt("sampleSteps"));
        double start = now();
        SolveResult result = sampling.run(field, Solvers.byName(v.getString("solver"), SolverParams.defaults()), grid, x0, n, scene);
        double millis = now() - start;
        lastSamples = scene.samples;
        lastCount = n;
        renderer.draw(scene);
        stats.show(fieldStep, SampleStats.of(scene.samples, n), result.nfe(), millis, SamplingGrid.label(grid), modelLabel());
    }

    /** E.g. "run step 250 · condot · x0" or "model.safetensors · cosine · score". */
    private String modelLabel() {
        String where = "run".equals(fieldSource) ? "run step " + fieldStep
                : fieldSource + (fieldStep >= 0 ? " (step " + fieldStep + ")" : "");
        return where + " · " + field.path().scheduler().name() + " · " + field.prediction().id();
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
