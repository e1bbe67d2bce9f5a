package flowplay.web.sampling;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.VelocityField;
import flowplay.core.settings.SettingValues;
import flowplay.core.solver.Solvers;
import flowplay.web.Redraw;
import flowplay.web.render.Renderer;
import flowplay.web.render.Scene;
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
    private VelocityField field;
    private long fieldStep = -1;

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
        stats.clear();
        redraw.request();
    }

    /** Kept undecoded: a newer checkpoint arriving before the draw replaces it at no cost. */
    public void checkpoint(byte[] safetensors) {
        pendingCheckpoint = safetensors;
        redraw.request();
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
            field = checkpoint.velocityField();
            fieldStep = checkpoint.step();
        }
        if (renderer == null) {
            return; // drawn when the renderer is chosen
        }
        Scene scene = new Scene();
        scene.reference = reference.of(runDataset != null ? runDataset : settings.trainValue("dataset"));
        scene.referenceCount = scene.reference.length / SourceNoise.DIM;
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
        double start = now();
        int nfe = sampling.run(field, Solvers.byName(v.getString("solver")), v.getInt("sampleSteps"), x0, n, scene);
        double millis = now() - start;
        renderer.draw(scene);
        stats.show(fieldStep, SampleStats.of(scene.samples, n), nfe, millis);
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
