package flowplay.web.field;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.web.PageErrors;
import flowplay.web.Redraw;
import flowplay.web.render.FreshCanvas;
import flowplay.web.render.GpuPlot;
import flowplay.web.sampling.ModelListener;
import flowplay.web.sampling.SampleView;
import flowplay.web.sampling.SourceNoise;
import flowplay.web.ui.Dom;
import flowplay.web.ui.Format;
import flowplay.web.ui.SettingsForm;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The field view card: the model the main plot shows, at a time t the user picks or plays — p_t from the data and from
 * the model's ODE, the velocity arrows, the predicted x1 cloud, and on demand the density at t = 1. The main plot's
 * trajectories (coloured by t) already show the paths, so they are not drawn again here. The canvas carries the page
 * contract's attributes for tests: data-t, data-t-used, data-clamped, data-layer, data-arrows, data-density-mass, and
 * data-renderer (webgpu when the page's renderer is, else canvas2d).
 */
public final class FieldView implements ModelListener {
    /** Points of p_t drawn: enough to see the shape, few enough to redraw every animation frame. */
    static final int POINTS = 1024;
    /** The source noise seed of the field view (the sample settings' default), independent of the sample count. */
    static final long NOISE_SEED = 1;
    /** One play of t from 0 to 1 lasts this long. */
    private static final double PLAY_SECONDS = 4;
    /** Grid rows of the density solved per task: ~0.1–0.3 s each in the browser, so the page stays responsive. */
    private static final int DENSITY_CHUNK_ROWS = 4;

    private final SampleView samples;
    private final SettingsForm settings;
    private final FieldControls ui;
    private FieldPainter painter;
    private final SourceNoise noise = new SourceNoise();
    private final Redraw redraw = Redraw.nextFrame("field view", this::draw);
    private Shown source;
    private FieldModel model;
    private FieldLayer layer = FieldLayer.PATH_DATA;
    private double t = 0.5;
    private boolean playing;
    private double lastFrame = -1;
    private int draws;
    private double densityStart;

    /** The model shown, kept undecoded into a field until the next draw needs it. */
    private record Shown(Checkpoint checkpoint, String label) {
    }

    public FieldView(HTMLElement container, SampleView samples, SettingsForm settings) {
        this.samples = samples;
        this.settings = settings;
        this.ui = new FieldControls(container);
        this.painter = new Canvas2dFieldPainter(ui.plot);
        ui.plot.setAttribute("data-renderer", painter.name());
        samples.addModelListener(this);
        ui.t.addEventListener("input", (Event e) -> PageErrors.guarded("field t", () -> setT(parse(Dom.value(ui.t)))));
        ui.layer.addEventListener("change", (Event e) -> PageErrors.guarded("field layer", () -> {
            FieldLayer l = FieldLayer.parse(Dom.value(ui.layer));
            if (l != null) {
                layer = l;
                writeHash();
                redraw.request();
            }
        }));
        ui.play.addEventListener("click", (Event e) -> PageErrors.guarded("field play", this::togglePlay));
        ui.density.addEventListener("click", (Event e) -> PageErrors.guarded("field density", this::requestDensity));
        ui.plot.setAttribute("data-density-state", "none");
        ViewHash start = ViewHash.parse(settings.hashExtra(ViewHash.KEY));
        if (start != null) {
            layer = start.layer;
            t = start.t;
            Dom.setValue(ui.layer, layer.id());
            Dom.setValue(ui.t, Double.toString(t));
        }
        redraw.request();
    }

    /**
     * Draws with WebGPU on the page renderer's device from now on, or with Canvas2D when {@code plot} is null (no
     * WebGPU, or the device was lost). Either way on a fresh canvas: the current one keeps its first kind of context.
     */
    public void useGpu(GpuPlot plot) {
        if (plot == null && painter instanceof Canvas2dFieldPainter) {
            return;
        }
        ui.plot = FreshCanvas.replace(ui.plot);
        painter = plot == null ? new Canvas2dFieldPainter(ui.plot) : new WebGpuFieldPainter(plot, ui.plot);
        ui.plot.setAttribute("data-renderer", painter.name());
        redraw.request();
    }

    /** Not while playing: the hash would be rewritten every frame. */
    private void writeHash() {
        if (!playing) {
            settings.setHashExtra(ViewHash.KEY, ViewHash.write(layer, t));
        }
    }

    @Override
    public void modelChanged(Checkpoint checkpoint, String from, String dataset) {
        String label = "run".equals(from) ? "run step " + checkpoint.step() : from;
        source = new Shown(checkpoint, label);
        model = null; // built on the next draw, with the data and box the main plot settled on
        ui.plot.setAttribute("data-density-state", "none");
        ui.plot.removeAttribute("data-density-mass");
        redraw.request();
    }

    private void setT(double value) {
        t = Math.max(0, Math.min(1, value));
        writeHash();
        redraw.request();
    }

    private void togglePlay() {
        playing = !playing;
        Dom.setText(ui.play, playing ? "Pause" : "Play");
        ui.play.setAttribute("aria-pressed", Boolean.toString(playing));
        lastFrame = -1;
        if (playing) {
            Window.requestAnimationFrame(this::tick);
        } else {
            writeHash(); // where the animation stopped
        }
    }

    private void tick(double now) {
        if (!playing) {
            return;
        }
        if (lastFrame >= 0) {
            double next = t + (now - lastFrame) / 1000 / PLAY_SECONDS;
            t = next > 1 ? 0 : next;
            Dom.setValue(ui.t, Double.toString(t));
        }
        lastFrame = now;
        PageErrors.guarded("field frame", this::draw);
        Window.requestAnimationFrame(this::tick);
    }

    /**
     * Starts the density on the current model and fills it a few grid rows per task, so the page keeps drawing (the
     * heatmap grows row by row) instead of freezing for the seconds the whole grid takes.
     */
    private void requestDensity() {
        FieldModel target = ensureModel();
        if (target == null) {
            Dom.setText(ui.note, "Train or load a model first: the density is the model's.");
            return;
        }
        ui.plot.setAttribute("data-density-state", "computing");
        ui.plot.removeAttribute("data-density-mass");
        DensityMap d = target.startDensity();
        layer = FieldLayer.DENSITY;
        Dom.setValue(ui.layer, layer.id());
        writeHash();
        densityStart = FieldClock.now();
        Window.setTimeout(() -> PageErrors.guarded("field density", () -> fillDensity(target, d)), 0);
    }

    private void fillDensity(FieldModel target, DensityMap d) {
        if (target != model) {
            return; // a newer model arrived meanwhile: its density is asked for by another click
        }
        d.fill(DENSITY_CHUNK_ROWS * d.grid().size());
        ui.plot.setAttribute("data-density-progress", Format.fixed(d.progress(), 2));
        if (d.done()) {
            ui.plot.setAttribute("data-density-mass", Format.fixed(d.mass(), 4));
            ui.plot.setAttribute("data-density-millis", Long.toString(Math.round(FieldClock.now() - densityStart)));
            ui.plot.setAttribute("data-density-state", "done");
        } else {
            Window.setTimeout(() -> PageErrors.guarded("field density", () -> fillDensity(target, d)), 0);
        }
        redraw.request();
    }

    private FieldModel ensureModel() {
        if (source == null) {
            return null;
        }
        float[] data = samples.referencePoints();
        double h = samples.halfExtent();
        if (model == null || model.halfExtent() != h || model.dataLength() != data.length) {
            // A new model, data set or box: the cached path and density belong to the old one.
            model = new FieldModel(source.checkpoint().velocityField(), noise.points(NOISE_SEED, POINTS), POINTS, data,
                    data.length / 2, h);
            ui.plot.setAttribute("data-density-state", "none");
            ui.plot.removeAttribute("data-density-mass");
        }
        return model;
    }

    private void draw() {
        draws++;
        ui.plot.setAttribute("data-t", Format.fixed(t, 3));
        ui.plot.setAttribute("data-layer", layer.id());
        ui.plot.setAttribute("data-draws", Integer.toString(draws));
        Dom.setText(ui.tLabel, "t = " + Format.fixed(t, 3));
        FieldModel m = ensureModel();
        if (m == null) {
            FieldPicture empty = new FieldPicture();
            empty.halfExtent = samples.halfExtent();
            painter.paint(empty);
            ui.plot.setAttribute("data-arrows", "0");
            ui.plot.setAttribute("data-model", "");
            Dom.setText(ui.note, "Train or load a model: this view shows its probability path, velocity field and density.");
            return;
        }
        FieldPicture p = m.picture(layer, t);
        painter.paint(p);
        ui.plot.setAttribute("data-model", source.label());
        ui.plot.setAttribute("data-t-used", Format.fixed(p.tUsed, 3));
        ui.plot.setAttribute("data-clamped", Boolean.toString(p.clamped));
        ui.plot.setAttribute("data-arrows", Integer.toString(p.arrows == null ? 0 : p.arrows.count()));
        ui.plot.setAttribute("data-points", Integer.toString(p.pointCount));
        Dom.setText(ui.note, FieldNote.of(p, source.label()));
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0.5;
        }
    }
}
