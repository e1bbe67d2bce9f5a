package flowplay.web.strip;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.PredictionField;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.settings.SettingValues;
import flowplay.web.PageErrors;
import flowplay.web.Redraw;
import flowplay.web.render.ViewBox;
import flowplay.web.sampling.ModelListener;
import flowplay.web.sampling.SampleView;
import flowplay.web.ui.Dom;
import flowplay.web.ui.Format;
import flowplay.web.ui.SettingsForm;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The step-count comparison strip ({@code #strip}): the model the page shows, integrated from the same source noise
 * with each N of {@code stripSteps} and the chosen solver, one {@code .strip-panel} per N with its samples, NFE,
 * distance to the data and wall time. Panels are computed one per task, so the first ones show while the rest are
 * still being sampled and the page stays responsive; an edit starts a new pass at once, a new checkpoint waits for the
 * pass under way to end (during training checkpoints come faster than a whole strip). A second model chosen in
 * {@code #strip-compare} ({@link SecondModel}) gets a second row, {@code #strip-second}, on the same noise and N.
 */
public final class StripView implements ModelListener, SettingsForm.Listener {
    /** The sample settings the strip reads: an edit of any other leaves it as it is. */
    private static final List<String> INPUTS = List.of("solver", "rtol", "atol", "sampleNoise", "sampleSchedule", "noiseSeed",
            "stripSteps", "stripMetric", "stripSamples");
    private static final int PANEL_PIXELS = 176;

    private final SettingsForm settings;
    private final SampleView view;
    private final HTMLElement strip;
    /** The second model's row ({@code #strip-second}), empty when none is chosen. */
    private final HTMLElement second;
    private final SecondModel secondModel;
    private final HTMLElement summary;
    private final StripSampler sampler = new StripSampler();
    private final PanelCache firstCache = new PanelCache();
    private final PanelCache secondCache = new PanelCache();
    private final Redraw restart = Redraw.afterEvents("comparison strip", this::start);
    private PredictionField field;
    private long step = -1;
    /** Bumped by every pass: the tasks of an older pass see the change and stop. */
    private int generation;
    private boolean running;
    private boolean modelWaiting;
    private double totalMillis;
    private double secondMillis;
    /** When the pass began: the strip's redraw time is from here to its last panel. */
    private double passStart;

    public StripView(HTMLElement views, SettingsForm settings, SampleView view) {
        this.settings = settings;
        this.view = view;
        HTMLElement card = Dom.create("section", "card strip-card");
        HTMLElement title = Dom.create("div", "card-title");
        Dom.setText(title, "Step-count comparison: same model, same noise, N steps");
        card.appendChild(title);
        strip = Dom.create("div", "strip");
        strip.setAttribute("id", "strip");
        strip.setAttribute("data-state", "idle");
        card.appendChild(strip);
        secondModel = new SecondModel(card, restart::request, settings);
        second = Dom.create("div", "strip");
        second.setAttribute("id", "strip-second");
        second.setAttribute("data-state", "idle");
        card.appendChild(second);
        summary = Dom.create("p", "strip-summary");
        Dom.setText(summary, "Train or load a model: each panel then shows its samples after N solver steps.");
        card.appendChild(summary);
        views.appendChild(card);
        new NfeChart(card, this::inputs);
    }

    @Override
    public void modelChanged(Checkpoint checkpoint, String source, String dataset) {
        field = checkpoint.velocityField();
        step = checkpoint.step();
        secondModel.refresh();
        if (running) {
            modelWaiting = true;
        } else {
            restart.request();
        }
    }

    @Override
    public void trainEdited(String name) {
    }

    @Override
    public void sampleEdited(String name) {
        if (INPUTS.contains(name)) {
            restart.request();
        }
    }

    @Override
    public void hashApplied() {
        restart.request();
    }

    /** The inputs of a pass now, or null without a model or with a sample setting out of range (the form says which). */
    StripInputs inputs() {
        if (field == null) {
            return null;
        }
        SettingValues v = settings.sampleValues();
        if (v == null) {
            return null;
        }
        SampleConfig config = SampleConfig.from(v);
        int n = v.getInt("stripSamples");
        float[] reference = view.referencePoints();
        int m = reference.length / 2;
        return new StripInputs(field, step, config, v.getIntList("stripSteps"), v.getString("stripMetric"), n,
                view.noise().points(v.getLong("noiseSeed"), n), reference, m, ViewBox.fitting(reference, m));
    }

    private void start() {
        StripInputs in = inputs();
        if (in == null) {
            return;
        }
        generation++;
        passStart = now();
        running = true;
        modelWaiting = false;
        totalMillis = 0;
        secondMillis = 0;
        PredictionField other = secondModel.field();
        int count = in.steps().length;
        HTMLElement[] panels = new HTMLElement[other == null ? count : 2 * count];
        fill(strip, panels, 0, in.steps());
        clear(second);
        if (other != null) {
            fill(second, panels, count, in.steps());
            second.setAttribute("data-state", "running");
            second.setAttribute("data-model", secondModel.label());
        } else {
            second.setAttribute("data-state", "idle");
            second.removeAttribute("data-model");
        }
        second.removeAttribute("data-millis");
        strip.setAttribute("data-state", "running");
        strip.setAttribute("data-step", Long.toString(in.step()));
        strip.setAttribute("data-solver", in.config().solver());
        strip.setAttribute("data-metric-name", in.metric());
        strip.setAttribute("data-count", Integer.toString(in.n()));
        strip.removeAttribute("data-millis");
        strip.removeAttribute("data-redraw-millis");
        strip.removeAttribute("data-cached");
        Dom.setText(summary, "Sampling " + in.n() + " points per panel with " + in.config().solver() + "…");
        next(generation, in, other, panels, 0);
    }

    private static void fill(HTMLElement row, HTMLElement[] panels, int from, int[] steps) {
        clear(row);
        for (int i = 0; i < steps.length; i++) {
            panels[from + i] = panel(steps[i]);
            row.appendChild(panels[from + i]);
        }
    }

    private static void clear(HTMLElement row) {
        while (row.getFirstChild() != null) {
            row.removeChild(row.getFirstChild());
        }
    }

    /** One panel per task, so the browser paints and handles input between them; panels already known come at once. */
    private void next(int pass, StripInputs in, PredictionField other, HTMLElement[] panels, int i) {
        int count = in.steps().length;
        int k = i;
        while (k < panels.length && cached(in, other, k, count) != null) {
            show(in, other, panels, k, cached(in, other, k, count), true);
            k++;
        }
        if (k == panels.length) {
            finish(in, other);
            return;
        }
        int j = k;
        Window.setTimeout(() -> PageErrors.guarded("comparison strip", () -> compute(pass, in, other, panels, j)), 0);
    }

    private PanelCache.Entry cached(StripInputs in, PredictionField other, int i, int count) {
        boolean firstRow = i < count;
        return (firstRow ? firstCache : secondCache).find(firstRow ? in.field() : other, in.config(), in.steps()[i % count],
                in.n(), in.metric());
    }

    private void compute(int pass, StripInputs in, PredictionField other, HTMLElement[] panels, int i) {
        if (pass != generation) {
            return; // a newer pass replaced this one
        }
        int count = in.steps().length;
        boolean firstRow = i < count;
        PredictionField model = firstRow ? in.field() : other;
        double start = now();
        StripSampler.Panel r = sampler.run(model, in.config(), in.steps()[i % count], in.noise(), in.n(),
                in.reference(), in.m(), in.metric());
        double millis = now() - start;
        (firstRow ? firstCache : secondCache).put(model, in.config(), in.n(), in.metric(), r,
                sampler.samples(), millis);
        show(in, other, panels, i, new PanelCache.Entry(r, sampler.samples(), millis), false);
        if (i + 1 < panels.length) {
            next(pass, in, other, panels, i + 1);
        } else {
            finish(in, other);
        }
    }

    /** Draws panel i; a panel from the cache shows the time it took when it was computed, and says it was cached. */
    private void show(StripInputs in, PredictionField other, HTMLElement[] panels, int i, PanelCache.Entry e, boolean fromCache) {
        int count = in.steps().length;
        StripSampler.Panel r = e.panel();
        if (!fromCache) {
            if (i < count) {
                totalMillis += e.millis();
            } else {
                secondMillis += e.millis();
            }
        }
        HTMLElement p = panels[i];
        PanelPlot.draw((HTMLCanvasElement) p.getFirstChild(), in.reference(), in.m(), e.samples(), in.n(), in.halfExtent());
        p.setAttribute("data-nfe", Integer.toString(r.nfe()));
        p.setAttribute("data-metric", Double.toString(r.metric()));
        p.setAttribute("data-millis", Format.fixed(e.millis(), 1));
        p.setAttribute("data-cached", Boolean.toString(fromCache));
        p.setAttribute("data-state", "done");
        Dom.setText((HTMLElement) p.getLastChild(), "N=" + r.steps() + " · NFE " + r.nfe() + "\n"
                + (StripSampler.SLICED_W2.equals(in.metric()) ? "SW₂² " : "ED ") + Format.significant(r.metric(), 3)
                + " · " + Math.round(e.millis()) + " ms" + (fromCache ? " (kept)" : ""));
        if (i + 1 == count) {
            strip.setAttribute("data-state", "done");
            strip.setAttribute("data-millis", Format.fixed(totalMillis, 1));
            strip.setAttribute("data-redraw-millis", Format.fixed(now() - passStart, 1));
        }
    }

    private void finish(StripInputs in, PredictionField other) {
        running = false;
        if (other != null) {
            second.setAttribute("data-state", "done");
            second.setAttribute("data-millis", Format.fixed(secondMillis, 1));
        }
        Dom.setText(summary, "Model at step " + in.step() + (other == null ? "" : " (second row: " + secondModel.label() + ")")
                + ", " + in.n() + " points per panel, " + in.config().solver() + ", "
                + (StripSampler.SLICED_W2.equals(in.metric()) ? "sliced W₂²" : "energy distance") + " to the data set; "
                + Math.round(totalMillis + secondMillis) + " ms of sampling, redrawn in " + Math.round(now() - passStart)
                + " ms (panels already computed for this model are kept).");
        if (modelWaiting) {
            restart.request();
        }
    }

    private static HTMLElement panel(int steps) {
        HTMLElement p = Dom.create("figure", "strip-panel");
        p.setAttribute("data-steps", Integer.toString(steps));
        p.setAttribute("data-state", "pending");
        HTMLCanvasElement canvas = (HTMLCanvasElement) Dom.create("canvas", null);
        canvas.setWidth(PANEL_PIXELS);
        canvas.setHeight(PANEL_PIXELS);
        canvas.setAttribute("aria-label", "Samples after " + steps + " steps");
        p.appendChild(canvas);
        HTMLElement caption = Dom.create("figcaption", "strip-caption");
        Dom.setText(caption, "N=" + steps + " · …");
        p.appendChild(caption);
        return p;
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
