package flowplay.web.strip;

import flowplay.core.checkpoint.Checkpoint;
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
import flowplay.web.worker.SampleWorker;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The step-count comparison strip ({@code #strip}): the model the page shows, integrated from the same source noise
 * with each N of {@code stripSteps} and the chosen solver, one {@code .strip-panel} per N with its samples, NFE,
 * distance to the data and wall time. Panels are solved by a {@link WorkerPool} (a fixed-step solve split across the
 * workers by rows), or one per task on the page's thread where there are no workers; each is drawn as soon as it is
 * done, and panels this model already has are drawn at once from the {@link PanelCache}. An edit starts a new pass at
 * once, a new checkpoint waits for the pass under way to end (during training checkpoints come faster than a whole
 * strip). A second model chosen in {@code #strip-compare} ({@link SecondModel}) gets a second row, {@code #strip-second},
 * on the same noise and N.
 */
public final class StripView implements ModelListener, SettingsForm.Listener {
    /** The sample settings the strip reads: an edit of any other leaves it as it is. */
    private static final List<String> INPUTS = List.of("solver", "rtol", "atol", "sampleNoise", "sampleSchedule", "noiseSeed",
            "stripSteps", "stripMetric", "stripSamples");
    private static final List<String> SPLITTABLE = List.of("euler", "midpoint", "heun", "rk4");

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
    private final WorkerPool pool;
    private StripModel model;
    private int models;
    private long step = -1;
    /** Bumped by every pass: the tasks and worker replies of an older pass see the change and stop. */
    private int generation;
    private boolean running;
    private boolean modelWaiting;
    private int firstLeft;
    private int secondLeft;
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
        pool = WorkerPool.create(restart::request);
        strip.setAttribute("data-workers", pool == null ? "0" : Integer.toString(pool.size()));
    }

    @Override
    public void modelChanged(Checkpoint checkpoint, String source, String dataset) {
        model = new StripModel(checkpoint.velocityField(), "shown " + (++models), checkpoint.toBytes());
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
        if (model == null) {
            return null;
        }
        SettingValues v = settings.sampleValues();
        if (v == null) {
            return null;
        }
        int n = v.getInt("stripSamples");
        float[] reference = view.referencePoints();
        int m = reference.length / 2;
        return new StripInputs(model, step, SampleWorker.lines(v.asMap()), SampleConfig.from(v), v.getIntList("stripSteps"),
                v.getString("stripMetric"), n, view.noise().points(v.getLong("noiseSeed"), n), reference, m,
                ViewBox.fitting(reference, m));
    }

    private void start() {
        StripInputs in = inputs();
        if (in == null) {
            return;
        }
        int pass = ++generation;
        passStart = now();
        running = true;
        modelWaiting = false;
        totalMillis = 0;
        secondMillis = 0;
        StripModel other = secondModel.model();
        int count = in.steps().length;
        HTMLElement[] panels = new HTMLElement[other == null ? count : 2 * count];
        PanelFigure.fill(strip, panels, 0, in.steps());
        PanelFigure.clear(second);
        if (other != null) {
            PanelFigure.fill(second, panels, count, in.steps());
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
        boolean onWorkers = pool != null && !pool.broken();
        strip.setAttribute("data-path", onWorkers ? "workers" : "page-thread");
        Dom.setText(summary, "Sampling " + in.n() + " points per panel with " + in.config().solver()
                + (onWorkers ? " on " + pool.size() + " worker threads…" : "…"));
        firstLeft = count;
        secondLeft = other == null ? 0 : count;
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < panels.length; i++) {
            PanelCache.Entry kept = cache(i, count).find(rowModel(in, other, i).field(), in.config(), in.steps()[i % count], in.n(),
                    in.metric());
            if (kept != null) {
                show(in, other, panels, i, kept, true);
            } else {
                todo.add(i);
            }
        }
        if (onWorkers) {
            pool.dropQueued();
            for (int i : todo) {
                solveOnWorkers(pass, in, other, panels, i);
            }
        } else if (!todo.isEmpty()) {
            next(pass, in, other, panels, todo, 0);
        }
    }

    private PanelCache cache(int i, int count) {
        return i < count ? firstCache : secondCache;
    }

    private static StripModel rowModel(StripInputs in, StripModel other, int i) {
        return i < in.steps().length ? in.model() : other;
    }

    /** A fixed-step solve is split by rows across the workers; dopri5's steps and em's noise depend on all rows at once. */
    private void solveOnWorkers(int pass, StripInputs in, StripModel other, HTMLElement[] panels, int i) {
        StripModel m = rowModel(in, other, i);
        int steps = in.steps()[i % in.steps().length];
        int parts = SPLITTABLE.contains(in.config().solver()) ? Math.min(pool.size(), in.n()) : 1;
        float[] samples = new float[in.n() * 2];
        int[] left = {parts};
        double[] slowest = {0};
        int[] nfe = {0};
        for (int k = 0; k < parts; k++) {
            int from = (int) ((long) in.n() * k / parts);
            int to = (int) ((long) in.n() * (k + 1) / parts);
            pool.submit(new WorkerPool.Job(m.key(), m.bytes(), in.settingsLines(), steps, in.noise(), from, to - from,
                    (rows, evaluations, millis) -> {
                        if (pass != generation) {
                            return;
                        }
                        System.arraycopy(rows, 0, samples, from * 2, rows.length);
                        slowest[0] = Math.max(slowest[0], millis);
                        nfe[0] = evaluations;
                        if (--left[0] == 0) {
                            double start = now();
                            double metric = sampler.measure(in.metric(), samples, in.n(), in.reference(), in.m());
                            double total = slowest[0] + now() - start;
                            StripSampler.Panel panel = new StripSampler.Panel(steps, nfe[0], metric);
                            cache(i, in.steps().length).put(m.field(), in.config(), in.n(), in.metric(), panel, samples, total);
                            show(in, other, panels, i, new PanelCache.Entry(panel, samples, total), false);
                        }
                    }));
        }
    }

    /** On the page's thread, one panel per task: the browser paints and handles input between them. */
    private void next(int pass, StripInputs in, StripModel other, HTMLElement[] panels, List<Integer> todo, int k) {
        Window.setTimeout(() -> PageErrors.guarded("comparison strip", () -> {
            if (pass != generation) {
                return; // a newer pass replaced this one
            }
            int i = todo.get(k);
            StripModel m = rowModel(in, other, i);
            double start = now();
            StripSampler.Panel r = sampler.run(m.field(), in.config(), in.steps()[i % in.steps().length], in.noise(), in.n(),
                    in.reference(), in.m(), in.metric());
            double millis = now() - start;
            cache(i, in.steps().length).put(m.field(), in.config(), in.n(), in.metric(), r, sampler.samples(), millis);
            show(in, other, panels, i, new PanelCache.Entry(r, sampler.samples(), millis), false);
            if (k + 1 < todo.size()) {
                next(pass, in, other, panels, todo, k + 1);
            }
        }), 0);
    }

    /** Draws panel i; a panel from the cache shows the time it took when it was computed, and says it was kept. */
    private void show(StripInputs in, StripModel other, HTMLElement[] panels, int i, PanelCache.Entry e, boolean fromCache) {
        boolean firstRow = i < in.steps().length;
        if (!fromCache) {
            if (firstRow) {
                totalMillis += e.millis();
            } else {
                secondMillis += e.millis();
            }
        }
        PanelFigure.show(panels[i], in, e, fromCache);
        if (firstRow && --firstLeft == 0) {
            strip.setAttribute("data-state", "done");
            strip.setAttribute("data-millis", Format.fixed(totalMillis, 1));
            strip.setAttribute("data-redraw-millis", Format.fixed(now() - passStart, 1));
        }
        if (!firstRow && --secondLeft == 0) {
            second.setAttribute("data-state", "done");
            second.setAttribute("data-millis", Format.fixed(secondMillis, 1));
        }
        if (firstLeft == 0 && secondLeft == 0) {
            finish(in, other);
        }
    }

    private void finish(StripInputs in, StripModel other) {
        running = false;
        Dom.setText(summary, "Model at step " + in.step() + (other == null ? "" : " (second row: " + secondModel.label() + ")")
                + ", " + in.n() + " points per panel, " + in.config().solver() + ", "
                + (StripSampler.SLICED_W2.equals(in.metric()) ? "sliced W₂²" : "energy distance") + " to the data set; "
                + Math.round(totalMillis + secondMillis) + " ms of sampling, redrawn in " + Math.round(now() - passStart)
                + " ms (panels already computed for this model are kept).");
        if (modelWaiting) {
            restart.request();
        }
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
