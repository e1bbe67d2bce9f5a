package flowplay.web.strip;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.settings.SettingValues;
import flowplay.web.PageErrors;
import flowplay.web.Redraw;
import flowplay.web.gpu.GpuSampler;
import flowplay.web.gpu.SamplerRoute;
import flowplay.web.render.GpuPlot;
import flowplay.web.render.ViewBox;
import flowplay.web.sampling.ModelListener;
import flowplay.web.sampling.SampleView;
import flowplay.web.ui.Dom;
import flowplay.web.ui.Format;
import flowplay.web.ui.Pretrained;
import flowplay.web.ui.SettingsForm;
import flowplay.web.worker.SampleWorker;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The step-count comparison strip ({@code #strip}): the model the page shows, integrated from the same source noise
 * with each N of {@code stripSteps} and the chosen solver, one {@code .strip-panel} per N with its samples, NFE,
 * distance to the data and wall time. Panels are solved with WebGPU compute where the page samples there (the
 * {@link SamplerRoute}: a hardware adapter, or {@code sampler=gpu}) and the solve allows it, else by a
 * {@link WorkerPool} (a fixed-step solve split across the workers by rows), or one per task on the page's thread where
 * there are no workers; each is drawn as soon as it is
 * done, and panels this model already has are drawn at once from the {@link PanelCache}. An edit starts a new pass at
 * once, a new checkpoint waits for the pass under way to end (during training checkpoints come faster than a whole
 * strip). Models chosen to compare with ({@link ComparedModels}) get one more row each, {@code #strip-second} and
 * {@code #strip-third}, on the same noise and N.
 */
public final class StripView implements ModelListener, SettingsForm.Listener {
    /** The sample settings the strip reads: an edit of any other leaves it as it is. */
    private static final List<String> INPUTS = List.of("solver", "rtol", "atol", "sampleNoise", "sampleSchedule", "noiseSeed",
            "stripSteps", "stripMetric", "stripSamples");

    private final SettingsForm settings;
    private final SampleView view;
    private final HTMLElement strip;
    private final StripRows rows = new StripRows();
    private final ComparedModels compared;
    private final HTMLElement summary;
    private final StripSampler sampler = new StripSampler();
    private final Redraw restart = Redraw.afterEvents("comparison strip", this::start);
    private final WorkerPool pool;
    private final PanelJobs jobs = new PanelJobs(sampler, () -> this.generation, this::gpuFailed);
    private SamplerRoute route;
    /** The page's WebGPU drawing resources, or null: panels drawn from then on use WebGPU, or Canvas2D. */
    private GpuPlot gpuPlot;
    private StripModel model;
    private int models;
    private long step = -1;
    /** Bumped by every pass: the tasks and worker replies of an older pass see the change and stop. */
    private int generation;
    private boolean running;
    private boolean modelWaiting;
    /** When the pass began: the strip's redraw time is from here to its last panel. */
    private double passStart;

    private final WhyFastPreset preset;

    public StripView(HTMLElement views, SettingsForm settings, SampleView view) {
        this.settings = settings;
        this.view = view;
        HTMLElement card = Dom.create("section", "card strip-card");
        HTMLElement title = Dom.create("div", "card-title");
        Dom.setText(title, "Step-count comparison: same model, same noise, N steps");
        card.appendChild(title);
        preset = new WhyFastPreset(card);
        strip = rows.first();
        card.appendChild(strip);
        compared = new ComparedModels(card, restart::request, settings);
        preset.compareIn(compared);
        rows.appendOthers(card);
        summary = Dom.create("p", "strip-summary");
        Dom.setText(summary, "Train or load a model: each panel then shows its samples after N solver steps.");
        card.appendChild(summary);
        views.appendChild(card);
        new NfeChart(card, this::inputs);
        pool = WorkerPool.create(restart::request, this::workersReady);
        strip.setAttribute("data-workers", pool == null ? "0" : Integer.toString(pool.size()));
    }

    /** The strip's sampling workers, or null where there are none: the digits panel solves its grid on them too. */
    public WorkerPool workers() {
        return pool;
    }

    /** The bundled checkpoints, which the "Why fast?" preset shows. */
    public void usePretrained(Pretrained p) {
        preset.usePretrained(p);
    }

    /** Where the page samples: the strip follows it onto WebGPU compute when the route offers a GPU sampler. */
    public void useSamplerRoute(SamplerRoute route) {
        this.route = route;
    }

    /** Panels are drawn once each on a new canvas, so the next ones simply use what is given here. */
    public void useGpu(GpuPlot plot) {
        this.gpuPlot = plot;
    }

    @Override
    public void modelChanged(Checkpoint checkpoint, String source, String dataset) {
        model = new StripModel(checkpoint.velocityField(), "shown " + (++models), checkpoint.toBytes());
        step = checkpoint.step();
        compared.refresh();
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
        List<ComparedModels.Row> others = compared.rows();
        List<StripModel> models = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        models.add(in.model());
        for (ComparedModels.Row row : others) {
            models.add(row.model());
            labels.add(row.label());
        }
        int count = in.steps().length;
        HTMLElement[] panels = new HTMLElement[models.size() * count];
        rows.begin(labels, in.steps(), panels);
        strip.setAttribute("data-step", Long.toString(in.step()));
        strip.setAttribute("data-solver", in.config().solver());
        strip.setAttribute("data-metric-name", in.metric());
        strip.setAttribute("data-count", Integer.toString(in.n()));
        strip.removeAttribute("data-millis");
        strip.removeAttribute("data-redraw-millis");
        GpuSampler gpu = gpuFor(in, models);
        boolean onWorkers = gpu == null && pool != null && !pool.broken();
        strip.setAttribute("data-path", gpu != null ? "webgpu-compute" : onWorkers ? "workers" : "page-thread");
        Dom.setText(summary, "Sampling " + in.n() + " points per panel with " + in.config().solver()
                + (gpu != null ? " as WebGPU compute…" : onWorkers ? " on " + pool.size() + " worker threads…" : "…"));
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < panels.length; i++) {
            PanelCache.Entry kept = rows.cache(i / count).find(models.get(i / count).field(), in.config(), in.steps()[i % count], in.n(),
                    in.metric());
            if (kept != null) {
                show(in, others, panels, i, kept, true);
            } else {
                todo.add(i);
            }
        }
        if (pool != null) {
            pool.dropQueued();
        }
        if (todo.isEmpty()) {
            return;
        }
        PanelJobs.Solved solved = (i, e) -> {
            rows.cache(i / count).put(models.get(i / count).field(), in.config(), in.n(), in.metric(), e.panel(), e.samples(), e.millis());
            show(in, others, panels, i, e, false);
        };
        if (gpu != null) {
            jobs.onGpu(gpu, pass, in, models, todo, solved);
        } else if (onWorkers) {
            jobs.onWorkers(pool, pass, in, models, todo, solved);
        } else {
            jobs.onPageThread(pass, in, models, todo, solved);
        }
    }

    /**
     * The page's GPU sampler when the strip can use it: the route offers one, no schedule change (the GPU integrates
     * the trained field itself), and it takes this solver and size for both rows' models.
     */
    private GpuSampler gpuFor(StripInputs in, List<StripModel> models) {
        GpuSampler gpu = route == null || in.config().schedule() != null ? null : route.sampler();
        if (gpu == null) {
            return null;
        }
        int most = 0;
        for (int s : in.steps()) {
            most = Math.max(most, s);
        }
        for (StripModel m : models) {
            if (gpu.problem(m.field(), in.config().solver(), most, in.n()) != null) {
                return null;
            }
        }
        return gpu;
    }

    /** Draws panel i; a panel from the cache shows the time it took when it was computed, and says it was kept. */
    private void show(StripInputs in, List<ComparedModels.Row> others, HTMLElement[] panels, int i, PanelCache.Entry e,
            boolean fromCache) {
        int r = i / in.steps().length;
        PanelFigure.show(panels[i], in, e, fromCache, gpuPlot);
        if (rows.shown(r, e.millis(), fromCache) && r == 0) {
            strip.setAttribute("data-redraw-millis", Format.fixed(now() - passStart, 1));
        }
        if (rows.allDone()) {
            finish(in, others);
        }
    }

    private void finish(StripInputs in, List<ComparedModels.Row> others) {
        running = false;
        StringBuilder also = new StringBuilder();
        for (int r = 0; r < others.size(); r++) {
            also.append(r == 0 ? " (compared: " : ", ").append(others.get(r).label()).append(r == others.size() - 1 ? ")" : "");
        }
        Dom.setText(summary, "Model at step " + in.step() + also
                + ", " + in.n() + " points per panel, " + in.config().solver() + ", "
                + (StripSampler.SLICED_W2.equals(in.metric()) ? "sliced W₂²" : "energy distance") + " to the data set; "
                + Math.round(rows.totalMillis()) + " ms of sampling, redrawn in " + Math.round(now() - passStart)
                + " ms (panels already computed for this model are kept).");
        if (modelWaiting) {
            restart.request();
        }
    }

    private void workersReady() {
        strip.setAttribute("data-worker-engine", pool.engine());
        if (pool.note() != null) {
            strip.setAttribute("data-worker-note", pool.note());
        }
    }

    private void gpuFailed(String reason) {
        PageErrors.report("WebGPU sampler failed in the comparison strip, sampling on the CPU from now on: " + reason);
        route.gpuFailed(reason);
        restart.request();
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
