package flowplay.web.inpaint;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.Datasets;
import flowplay.core.json.Json;
import flowplay.core.rng.Rng;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.sampling.SamplingPlan;
import flowplay.core.solver.Integrator;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import flowplay.web.PageErrors;
import flowplay.web.Redraw;
import flowplay.web.render.ViewBox;
import flowplay.web.sampling.ModelListener;
import flowplay.web.sampling.PointsCsv;
import flowplay.web.sampling.SampleView;
import flowplay.web.sampling.SamplingGrid;
import flowplay.web.sampling.SourceNoise;
import flowplay.web.ui.Dom;
import flowplay.web.ui.Format;
import flowplay.web.ui.SettingsForm;
import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The 2-D inpainting tool: for a model that reads an observation mask (trained with {@code coupling = dependent}) it
 * fixes x or y at c — chosen by a click on its plot, the slider or the number — and draws {@link #K} samples of the
 * other coordinate ({@link LineInpainting}) with their histogram against the data near the line. Other models hide the
 * card. {@code #inpaint-stats} carries data-axis, data-value, data-count, data-max-deviation (0 when the observation is
 * kept), data-mean, data-std, data-data-count, data-data-mean, data-data-std, data-band, data-nfe, data-millis and, last, data-draws.
 */
public final class InpaintView implements ModelListener, SettingsForm.Listener {
    /** Conditional samples per drawing: enough for a histogram, quick on the CPU. */
    static final int K = 512;
    /** Data points generated for the comparison: the band around a line holds a few hundred of them. */
    private static final int DATA_POINTS = 20_000;
    private static final long DATA_SEED = 11;
    /** Data points drawn faintly behind the samples. */
    private static final int FAINT = 2000;
    /** Half width of the band of data compared with: |fixed − c| &lt; BAND. */
    static final double BAND = 0.05;
    private static final int BINS = 60;

    private final SampleView samples;
    private final SettingsForm settings;
    private final InpaintCard ui;
    private final InpaintPainter painter;
    private final SourceNoise noise = new SourceNoise();
    private final Redraw redraw = Redraw.afterEvents("inpaint", this::draw);
    private final Map<String, float[]> dataCache = new HashMap<>();
    private Checkpoint model;
    private String modelLabel = "";
    private String dataset;
    private FixedLine line = FixedLine.at(0, 0.5);
    private int draws;

    public InpaintView(HTMLElement container, SampleView samples, SettingsForm settings) {
        this.samples = samples;
        this.settings = settings;
        this.ui = new InpaintCard(container);
        this.painter = new InpaintPainter(ui.plot, ui.histogram);
        samples.addModelListener(this);
        settings.addListener(this);
        showLine();
        ui.axis.addEventListener("change", (Event e) -> PageErrors.guarded("inpaint axis", () -> {
            int axis = FixedLine.axisOf(Dom.value(ui.axis));
            if (axis >= 0) {
                setLine(FixedLine.at(axis, line.value()));
            }
        }));
        // "change", not "input": a solve takes a few hundred ms in the browser, and one per drag step would stall the page.
        ui.slider.addEventListener("change", (Event e) -> PageErrors.guarded("inpaint value", () -> typed(Dom.value(ui.slider))));
        ui.number.addEventListener("change", (Event e) -> PageErrors.guarded("inpaint value", () -> typed(Dom.value(ui.number))));
        ui.plot.addEventListener("click", (Event e) -> PageErrors.guarded("inpaint click", () ->
                setLine(line.withValue(painter.valueAt(line.axis(), fractionX(ui.plot, e), fractionY(ui.plot, e))))));
    }

    @Override
    public void modelChanged(Checkpoint checkpoint, String source, String shownDataset) {
        boolean usable = LineInpainting.supports(checkpoint);
        ui.card.setHidden(!usable);
        if (!usable) {
            model = null;
            return;
        }
        model = checkpoint;
        modelLabel = "run".equals(source) ? "run step " + checkpoint.step() : source;
        String trained = trainedDataset(checkpoint);
        dataset = trained != null ? trained : shownDataset;
        redraw.request();
    }

    @Override
    public void trainEdited(String name) {
        // The model's own data set is compared with, not the one chosen for the next run.
    }

    @Override
    public void sampleEdited(String name) {
        if (model != null) {
            redraw.request();
        }
    }

    @Override
    public void hashApplied() {
        sampleEdited("");
    }

    private void typed(String text) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            ui.number.setAttribute("aria-invalid", "true");
            return;
        }
        if (!Double.isFinite(v)) {
            ui.number.setAttribute("aria-invalid", "true");
            return;
        }
        ui.number.removeAttribute("aria-invalid");
        setLine(line.withValue(v));
    }

    private void setLine(FixedLine next) {
        line = next;
        showLine();
        redraw.request();
    }

    private void showLine() {
        Dom.setValue(ui.axis, FixedLine.name(line.axis()));
        String v = Format.fixed(line.value(), FixedLine.DECIMALS);
        Dom.setValue(ui.slider, v);
        Dom.setValue(ui.number, v);
    }

    private void draw() {
        if (model == null || ui.card.isHidden()) {
            return;
        }
        SampleConfig c = settings.sampleConfig();
        if (c == null) {
            return; // the Sample group says which setting is wrong; the last picture stays
        }
        // em's noise would move the observed coordinate too, and a schedule change transforms the field the mask
        // conditions: the tool solves the ODE of the trained field with the chosen solver (em without noise is Euler).
        Integrator solver = Solvers.byName(c.solver(), SolverParams.defaults().withTolerances(c.rtol(), c.atol()));
        TimeGrid grid = SamplingPlan.of(model.velocityField(), null, false, SamplingGrid.EPS).grid(c.steps());
        float[] x0 = noise.points(c.noiseSeed(), K);
        double start = now();
        LineInpainting.Result r = LineInpainting.sample(model, line, x0, K, solver, grid);
        double millis = now() - start;
        LineStats s = LineStats.of(r.points(), K, line);

        float[] data = dataPoints();
        int dataCount = data.length / 2;
        double extent = dataCount > 0 ? ViewBox.fitting(data, dataCount) : ViewBox.HALF_EXTENT;
        ui.slider.setAttribute("min", Format.fixed(-extent, 0));
        ui.slider.setAttribute("max", Format.fixed(extent, 0));
        Dom.setValue(ui.slider, Format.fixed(line.value(), FixedLine.DECIMALS));
        float[] near = BandValues.near(data, dataCount, line, BAND);
        LineStats d = LineStats.ofValues(near, near.length);
        painter.plot(extent, data, Math.min(dataCount, FAINT), line, BAND, r.points(), K);
        Histogram modelBars = Histogram.of(BandValues.free(r.points(), K, line), K, -extent, extent, BINS);
        Histogram dataBars = near.length == 0 ? null : Histogram.of(near, near.length, -extent, extent, BINS);
        String free = FixedLine.name(line.free());
        painter.histogram(modelBars, dataBars, free);
        show(s, d, r.solve().nfe(), millis, free);
        ui.csv.setAttribute("data-count", Integer.toString(K));
        Dom.setValue(ui.csv, PointsCsv.write(r.points(), K, 2));
    }

    private void show(LineStats s, LineStats d, int nfe, double millis, String free) {
        draws++;
        HTMLElement e = ui.stats;
        String fixed = FixedLine.name(line.axis());
        e.setAttribute("data-axis", fixed);
        e.setAttribute("data-value", Format.fixed(line.value(), FixedLine.DECIMALS));
        e.setAttribute("data-count", Integer.toString(s.count()));
        e.setAttribute("data-max-deviation", Double.toString(s.maxDeviation()));
        e.setAttribute("data-mean", Format.fixed(s.mean(), 6));
        e.setAttribute("data-std", Format.fixed(s.std(), 6));
        e.setAttribute("data-data-count", Integer.toString(d.count()));
        e.setAttribute("data-data-mean", Format.fixed(d.mean(), 6));
        e.setAttribute("data-data-std", Format.fixed(d.std(), 6));
        e.setAttribute("data-band", Format.fixed(BAND, 3));
        e.setAttribute("data-nfe", Integer.toString(nfe));
        e.setAttribute("data-millis", Format.fixed(millis, 1));
        e.setAttribute("data-model", modelLabel);
        e.setAttribute("data-draws", Integer.toString(draws)); // last: a test waiting for it sees the rest
        String c = Format.fixed(line.value(), FixedLine.DECIMALS);
        Dom.setText(e, modelLabel + " · " + s.count() + " samples with " + fixed + " = " + c + " (largest deviation "
                + (s.maxDeviation() == 0 ? "0" : Format.significant(s.maxDeviation(), 3)) + ") · " + free + ": mean "
                + Format.fixed(s.mean(), 3) + ", std " + Format.fixed(s.std(), 3) + " · " + nfe + " evaluations in "
                + Format.fixed(millis, 0) + " ms"
                + (d.count() > 0 ? " · data near the line (" + d.count() + " points): mean " + Format.fixed(d.mean(), 3)
                        + ", std " + Format.fixed(d.std(), 3) : ""));
        Dom.setText(ui.caption, "Histogram of " + free + " given " + fixed + " = " + c + ": bars, the model's " + s.count()
                + " samples; outline, " + (d.count() > 0 ? "the " + d.count() + " points of " + dataset + " with |" + fixed
                + " − " + c + "| < " + Format.plain(BAND) : "no data points near the line") + ".");
    }

    /** The data set the model was trained on, generated once (built-ins), else the points the main plot shows. */
    private float[] dataPoints() {
        if (dataset == null) {
            return new float[0];
        }
        float[] p = dataCache.get(dataset);
        if (p == null && Datasets.isBuiltIn(dataset)) {
            p = new float[2 * DATA_POINTS];
            Datasets.byName(dataset).sample(new Rng(DATA_SEED), DATA_POINTS, p);
            dataCache.put(dataset, p);
        }
        if (p == null) {
            // File data sets and the user's points: only what the page has, and only when it shows that set.
            p = dataset.equals(samples.currentDataset()) ? samples.referencePoints() : new float[0];
        }
        return p;
    }

    /** The data set recorded in the checkpoint's training settings, or null when it has none. */
    private static String trainedDataset(Checkpoint checkpoint) {
        String training = checkpoint.metadata().get(Checkpoint.KEY_TRAINING);
        if (training == null) {
            return null;
        }
        try {
            Object name = Json.parseObject(training).get("dataset");
            return name instanceof String ? (String) name : null;
        } catch (RuntimeException e) {
            return null; // a checkpoint made elsewhere: compare with the data set the page shows
        }
    }

    @JSBody(script = "return performance.now();")
    private static native double now();

    @JSBody(params = {"c", "e"}, script = "var r = c.getBoundingClientRect(); return Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));")
    private static native double fractionX(HTMLElement c, Event e);

    @JSBody(params = {"c", "e"}, script = "var r = c.getBoundingClientRect(); return Math.min(1, Math.max(0, (e.clientY - r.top) / r.height));")
    private static native double fractionY(HTMLElement c, Event e);
}
