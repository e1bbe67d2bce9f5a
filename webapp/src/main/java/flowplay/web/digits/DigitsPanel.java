package flowplay.web.digits;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.sampling.Guidance;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.settings.SettingValues;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.Trajectory;
import flowplay.web.PageErrors;
import flowplay.web.Redraw;
import flowplay.web.net.RunClient;
import flowplay.web.sampling.ModelListener;
import flowplay.web.strip.WorkerPool;
import flowplay.web.ui.Dom;
import flowplay.web.ui.SettingsForm;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code #digits}: what the page shows instead of its 2-D views while the model on screen is a digits model (64-D, a
 * bundled one, a loaded file or a run on dataset=digits): a grid of 64 generated digits with the class picker and
 * guidance slider of a class-conditional model, the step-count strip on the same noise, one digit's path from noise
 * to image, and inpainting of held-out digits for a mask-conditioned model. Every solve runs the shared sampler: the
 * grid's 64 digits on the strip's workers (WasmGC, split by rows) when they are ready — on the page's thread a guided
 * grid of 32 heun steps takes most of a second — the rest on the page's thread, a pass split into tasks (grid, each
 * strip row, the path) so the page keeps responding; an edit or a newer model drops the rest of the pass under way.
 */
public final class DigitsPanel implements ModelListener, SettingsForm.Listener {
    /** The sample settings the digits read; the 2-D views' own (samples, strip metric, …) leave them as they are. */
    private static final List<String> INPUTS = List.of("solver", "rtol", "atol", "sampleNoise", "sampleSteps", "noiseSeed",
            "guidance", "label", "stripSteps");
    private static final List<String> GUIDANCE_ROWS = List.of("guidance", "label");

    private final SettingsForm settings;
    private final HTMLElement layout;
    private final HTMLElement card;
    private final HTMLElement title;
    private final HTMLElement stats;
    private final GuidanceControls guidance;
    private final DigitGrid grid;
    private final DigitStrip strip;
    private final DigitAnimation animation;
    private final DigitInpaintView inpaint;
    private final Redraw redraw = Redraw.afterEvents("digits", this::pass);
    private DigitSolve model;
    /** The strip's sampling workers, or null: the grid is solved on them when they are ready. */
    private GridWorkers workers;
    /** Bumped by every pass and model change: the later tasks of an older pass see it and stop. */
    private int generation;

    /**
     * @param view   the {@code section.view} whose first place (the 2-D picture's) the panel takes
     * @param layout the element that gets {@code data-model="digits"} while the panel is shown (CSS hides the 2-D views)
     */
    public DigitsPanel(HTMLElement view, HTMLElement layout, SettingsForm settings, RunClient client) {
        this.settings = settings;
        this.layout = layout;
        card = Dom.create("section", "card digits-card");
        card.setAttribute("id", "digits");
        card.setHidden(true);
        title = Dom.create("div", "card-title");
        card.appendChild(title);
        guidance = new GuidanceControls(card, settings);
        grid = new DigitGrid(card);
        stats = Dom.create("p", "digits-stats");
        stats.setAttribute("id", "digits-stats");
        card.appendChild(stats);
        card.appendChild(subtitle("Step-count comparison: the first 8 digits' noise, N solver steps"));
        strip = new DigitStrip(card);
        card.appendChild(subtitle("From noise (t = 0) to a digit (t = 1)"));
        animation = new DigitAnimation(card);
        card.appendChild(subtitle("Inpainting a held-out test digit: paint to hide pixels, then Fill"));
        inpaint = new DigitInpaintView(card, new HeldOutDigits(client));
        view.insertBefore(card, view.getFirstChild());
        for (String row : GUIDANCE_ROWS) {
            settings.showSampleControl(row, false);
        }
    }

    /** The workers the grid is solved on (the comparison strip's pool), or null where the browser has none. */
    public void useWorkers(WorkerPool pool) {
        workers = new GridWorkers(pool);
        // A grid waiting for the workers would wait for ever: solve it again, on the page's thread from now on.
        workers.onBroken(() -> PageErrors.guarded("digits", () -> {
            if (model != null) {
                redraw.request();
            }
        }));
    }

    /** A digits model to show, or null when the page shows a 2-D model (or none) again. */
    @Override
    public void modelChanged(Checkpoint checkpoint, String source, String dataset) {
        generation++;
        if (checkpoint == null) {
            if (model != null) {
                model = null;
                card.setHidden(true);
                layout.removeAttribute("data-model");
                for (String row : GUIDANCE_ROWS) {
                    settings.showSampleControl(row, false);
                }
            }
            return;
        }
        model = new DigitSolve(checkpoint);
        if (workers != null) {
            workers.use(checkpoint);
        }
        boolean labelled = model.condition().labelled();
        card.setHidden(false);
        card.setAttribute("data-model", source);
        card.setAttribute("data-condition", model.condition().id());
        card.setAttribute("data-step", Long.toString(checkpoint.step()));
        layout.setAttribute("data-model", "digits");
        // The side card otherwise keeps describing the last 2-D drawing, which is no longer on the page.
        Dom.setText(Dom.byId("stats"), "The digits panel draws this 64-D model; the caption under its grid gives the solve's"
                + " steps and time.");
        Dom.setText(title, "Digits (8×8, 64-D) · " + source + (checkpoint.step() >= 0 ? " step " + checkpoint.step() : "")
                + " · condition " + model.condition().id());
        guidance.setVisible(labelled);
        for (String row : GUIDANCE_ROWS) {
            settings.showSampleControl(row, labelled);
        }
        SettingValues v = settings.sampleValues();
        inpaint.use(model, v == null ? null : SampleConfig.from(v));
        redraw.request();
    }

    @Override
    public void trainEdited(String name) {
    }

    @Override
    public void sampleEdited(String name) {
        if (model != null && INPUTS.contains(name)) {
            redraw.request();
        }
    }

    @Override
    public void hashApplied() {
        if (model != null) {
            redraw.request();
        }
    }

    private void pass() {
        if (model == null) {
            return;
        }
        int mine = ++generation;
        guidance.sync();
        SettingValues v = settings.sampleValues();
        if (v == null) {
            return; // the sample message says which setting is wrong
        }
        SampleConfig c = SampleConfig.from(v);
        Guidance g = Guidance.from(v);
        inpaint.settings(c);
        int[] labels = g.labels(model.condition(), DigitGrid.COUNT);
        float[] noise = DigitSolve.noise(c.noiseSeed(), DigitGrid.COUNT);
        grid.pending();
        GridWorkers.Done done = (x, nfe, millis, where) -> {
            if (mine != generation || model == null) {
                return;
            }
            show(v, c, g, labels, x, nfe, millis, where);
            int[] steps = v.getIntList("stripSteps");
            strip.start(steps);
            later(mine, () -> stripRow(mine, c, g, labels, noise, steps, 0));
        };
        if (workers != null && workers.canSolve(c)) {
            workers.solve(v, c, noise, () -> mine == generation && model != null,
                    (samples, from, count) -> grid.part(samples, from, count, labels), done);
            return;
        }
        float[] x = noise.clone();
        double start = now();
        SolveResult r;
        try {
            r = model.sample(c, x, DigitGrid.COUNT, c.steps(), labels, g.w(), null);
        } catch (RuntimeException e) {
            grid.failed(String.valueOf(e.getMessage()));
            Dom.setText(stats, "Cannot sample the digits with these settings: " + e.getMessage());
            return;
        }
        done.sampled(x, r.nfe(), now() - start, "page");
    }

    private void show(SettingValues v, SampleConfig c, Guidance g, int[] labels, float[] x, int nfe, double sampled, String where) {
        double start = now();
        grid.show(x, labels, sampled);
        double drawn = now() - start;
        boolean guided = labels != null && g.w() > 0;
        Dom.setText(stats, DigitGrid.COUNT + " digits · " + c.solver() + ", " + c.steps() + " steps, NFE " + nfe
                + (guided ? " (two network passes each: guided, w = " + g.w() + ")" : "") + " · sampled in "
                + Math.round(sampled) + " ms on " + ("page".equals(where) ? "the page's thread" : where) + ", drawn in "
                + Math.round(drawn) + " ms" + (labels == null ? "" : " · class "
                + ("all".equals(v.getString("label")) ? "i mod 10" : v.getString("label"))));
        stats.setAttribute("data-sample-ms", Double.toString(Math.round(sampled * 10) / 10.0));
        stats.setAttribute("data-draw-ms", Double.toString(Math.round(drawn * 10) / 10.0));
        stats.setAttribute("data-path", "page".equals(where) ? "page" : "workers");
        stats.setAttribute("data-nfe", Integer.toString(nfe));
    }

    private void stripRow(int mine, SampleConfig c, Guidance g, int[] labels, float[] noise, int[] steps, int k) {
        if (k >= steps.length) {
            later(mine, () -> animate(c, g, labels, noise));
            return;
        }
        int n = DigitStrip.COUNT;
        float[] x = new float[n * DigitSolve.DIM];
        System.arraycopy(noise, 0, x, 0, x.length);
        int[] rowLabels = labels == null ? null : java.util.Arrays.copyOf(labels, n);
        double start = now();
        try {
            SolveResult r = model.sample(c, x, n, steps[k], rowLabels, g.w(), null);
            strip.row(steps[k], x, r.nfe(), now() - start, k == steps.length - 1);
        } catch (RuntimeException e) {
            strip.failed(String.valueOf(e.getMessage()));
            return;
        }
        later(mine, () -> stripRow(mine, c, g, labels, noise, steps, k + 1));
    }

    private void animate(SampleConfig c, Guidance g, int[] labels, float[] noise) {
        float[] x = new float[DigitSolve.DIM];
        System.arraycopy(noise, 0, x, 0, x.length);
        Trajectory path = new Trajectory(1);
        model.sample(c, x, 1, c.steps(), labels == null ? null : new int[] {labels[0]}, g.w(), path);
        animation.show(path);
    }

    /** Runs the next part of the pass after the events queued meanwhile, unless a newer pass or model began. */
    private void later(int mine, Runnable task) {
        Window.setTimeout(() -> PageErrors.guarded("digits", () -> {
            if (mine == generation && model != null) {
                task.run();
            }
        }), 0);
    }

    private static HTMLElement subtitle(String text) {
        HTMLElement e = Dom.create("div", "digits-subtitle");
        Dom.setText(e, text);
        return e;
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
