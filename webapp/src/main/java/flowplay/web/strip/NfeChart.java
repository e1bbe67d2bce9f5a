package flowplay.web.strip;

import flowplay.core.json.Json;
import flowplay.web.PageErrors;
import flowplay.web.ui.Dom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Quality against cost: for each fixed-step solver and each N of the strip, the distance to the data against the
 * NFE spent, and dopri5 (rtol = atol = 1e-5) as the reference an adaptive solver reaches. Computed only when asked
 * ({@code #compare-solvers}): it costs about four strips. One solve per task, like the strip, and drawn as it fills.
 * {@code #nfe-chart[data-points]} holds the points as JSON for tests: [{solver, steps, nfe, metric}, …].
 */
final class NfeChart {
    static final List<String> FIXED = List.of("euler", "midpoint", "heun", "rk4");
    static final String ADAPTIVE = "dopri5";

    private final Supplier<StripInputs> inputs;
    private final HTMLCanvasElement canvas;
    private final HTMLElement button;
    private final HTMLElement status;
    private final StripSampler sampler = new StripSampler();
    private final List<ChartPoint> points = new ArrayList<>();
    private int generation;

    NfeChart(HTMLElement card, Supplier<StripInputs> inputs) {
        this.inputs = inputs;
        HTMLElement row = Dom.create("div", "buttons strip-buttons");
        button = Dom.create("button", null);
        button.setAttribute("id", "compare-solvers");
        button.setAttribute("type", "button");
        Dom.setText(button, "Compare solvers");
        button.setAttribute("title", "Quality against NFE for euler, midpoint, heun and rk4 at the strip's N, and dopri5");
        row.appendChild(button);
        status = Dom.create("span", "strip-status");
        row.appendChild(status);
        card.appendChild(row);
        canvas = (HTMLCanvasElement) Dom.create("canvas", null);
        canvas.setAttribute("id", "nfe-chart");
        canvas.setAttribute("data-state", "idle");
        canvas.setAttribute("data-points", "[]");
        canvas.setAttribute("aria-label", "Distance to the data against function evaluations, per solver");
        canvas.setWidth(960);
        canvas.setHeight(440);
        canvas.setHidden(true);
        card.appendChild(canvas);
        button.addEventListener("click", (Event e) -> PageErrors.guarded("solver comparison", this::start));
    }

    private void start() {
        StripInputs in = inputs.get();
        if (in == null) {
            Dom.setText(status, "Train or load a model first.");
            return;
        }
        generation++;
        points.clear();
        List<String[]> jobs = new ArrayList<>();
        for (String solver : FIXED) {
            for (int n : in.steps()) {
                jobs.add(new String[] {solver, Integer.toString(n)});
            }
        }
        jobs.add(new String[] {ADAPTIVE, "1"}); // dopri5 picks its own steps on the one-interval grid
        canvas.setHidden(false);
        canvas.setAttribute("data-state", "running");
        canvas.setAttribute("data-step", Long.toString(in.step()));
        canvas.setAttribute("data-metric-name", in.metric());
        next(generation, in, jobs, 0);
    }

    private void next(int pass, StripInputs in, List<String[]> jobs, int i) {
        Window.setTimeout(() -> PageErrors.guarded("solver comparison", () -> compute(pass, in, jobs, i)), 0);
    }

    private void compute(int pass, StripInputs in, List<String[]> jobs, int i) {
        if (pass != generation) {
            return;
        }
        String solver = jobs.get(i)[0];
        int steps = Integer.parseInt(jobs.get(i)[1]);
        StripSampler.Panel r = sampler.run(in.model().field(), in.config().withSolver(solver), steps, in.noise(), in.n(), in.reference(), in.m(), in.metric());
        points.add(new ChartPoint(solver, steps, r.nfe(), r.metric()));
        canvas.setAttribute("data-points", json());
        ChartDrawing.draw(canvas, points, FIXED, ADAPTIVE, in.metric());
        boolean last = i + 1 == jobs.size();
        Dom.setText(status, last ? "Model at step " + in.step() + ", " + in.n() + " points."
                : "Solving " + (i + 2) + " of " + jobs.size() + "…");
        if (last) {
            canvas.setAttribute("data-state", "done");
        } else {
            next(pass, in, jobs, i + 1);
        }
    }

    private String json() {
        List<Object> rows = new ArrayList<>();
        for (ChartPoint p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("solver", p.solver());
            row.put("steps", p.steps());
            row.put("nfe", p.nfe());
            row.put("metric", Double.isFinite(p.metric()) ? (Object) p.metric() : null);
            rows.add(row);
        }
        return Json.write(rows);
    }
}
