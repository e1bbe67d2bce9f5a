package flowplay.web.strip;

import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import flowplay.web.PageErrors;
import flowplay.web.gpu.GpuSampler;
import flowplay.web.sampling.SamplingGrid;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;

/**
 * Where the strip's panels are solved, three ways with one outcome: WebGPU compute (one panel after the other: the
 * sampler keeps one model's weights, so the rows take turns), the {@link WorkerPool} (a fixed-step solve split by rows —
 * rows of a batched MLP are independent, so the split changes no bit; dopri5's steps and em's noise depend on all rows,
 * so those go whole), or the page's thread, one panel per task so the browser paints between them. Each finished panel
 * (samples, NFE, distance to the data, time) goes to {@link Solved}; results of a pass that is no longer the current one
 * are dropped.
 */
final class PanelJobs {
    private static final List<String> SPLITTABLE = List.of("euler", "midpoint", "heun", "rk4");

    /** Panel i of the pass is done. */
    interface Solved {
        void panel(int i, PanelCache.Entry entry);
    }

    private final StripSampler sampler;
    private final IntSupplier generation;
    private final Consumer<String> gpuFailed;

    PanelJobs(StripSampler sampler, IntSupplier generation, Consumer<String> gpuFailed) {
        this.sampler = sampler;
        this.generation = generation;
        this.gpuFailed = gpuFailed;
    }

    void onGpu(GpuSampler gpu, int pass, StripInputs in, List<StripModel> models, List<Integer> todo, Solved solved) {
        gpuPanel(gpu, pass, in, models, todo, 0, solved);
    }

    private void gpuPanel(GpuSampler gpu, int pass, StripInputs in, List<StripModel> models, List<Integer> todo, int k, Solved solved) {
        int i = todo.get(k);
        StripModel m = models.get(i / in.steps().length);
        int steps = in.steps()[i % in.steps().length];
        TimeGrid grid = in.config().plan(m.field(), SamplingGrid.EPS).grid(steps);
        double start = now();
        gpu.sample(m.field(), in.config().solver(), grid, in.noise(), in.n(), samples -> PageErrors.guarded("comparison strip", () -> {
            if (pass != generation.getAsInt()) {
                return;
            }
            int nfe = steps * Solvers.byName(in.config().solver()).evaluationsPerStep();
            solved.panel(i, measured(in, steps, nfe, samples, now() - start));
            if (k + 1 < todo.size()) {
                gpuPanel(gpu, pass, in, models, todo, k + 1, solved);
            }
        }), reason -> PageErrors.guarded("comparison strip", () -> gpuFailed.accept(reason)));
    }

    void onWorkers(WorkerPool pool, int pass, StripInputs in, List<StripModel> models, List<Integer> todo, Solved solved) {
        for (int i : todo) {
            workerPanel(pool, pass, in, models, i, solved);
        }
    }

    private void workerPanel(WorkerPool pool, int pass, StripInputs in, List<StripModel> models, int i, Solved solved) {
        StripModel m = models.get(i / in.steps().length);
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
                        if (pass != generation.getAsInt()) {
                            return;
                        }
                        System.arraycopy(rows, 0, samples, from * 2, rows.length);
                        slowest[0] = Math.max(slowest[0], millis);
                        nfe[0] = evaluations;
                        if (--left[0] == 0) {
                            measureOnWorker(pool, pass, in, i, steps, nfe[0], samples, slowest[0], solved);
                        }
                    }));
        }
    }

    /**
     * The energy distance of a panel (some 14M pair distances for 4096 points) is a worker's task too, queued ahead of the solves: on the page
     * it took 35–65 ms a panel, on the one thread left free of solves on two cores. The other metrics, and diverged
     * samples, are measured here.
     */
    private void measureOnWorker(WorkerPool pool, int pass, StripInputs in, int i, int steps, int nfe, float[] samples,
            double solveMillis, Solved solved) {
        double within = sampler.referenceWithin(in.metric(), samples, in.n(), in.reference(), in.m());
        if (Double.isNaN(within)) {
            solved.panel(i, measured(in, steps, nfe, samples, solveMillis));
            return;
        }
        pool.submit(new WorkerPool.Measure(samples, in.n(), in.reference(), in.m(), within, (metric, millis) -> {
            if (pass == generation.getAsInt()) {
                solved.panel(i, new PanelCache.Entry(new StripSampler.Panel(steps, nfe, metric), samples, solveMillis + millis));
            }
        }));
    }

    void onPageThread(int pass, StripInputs in, List<StripModel> models, List<Integer> todo, Solved solved) {
        pagePanel(pass, in, models, todo, 0, solved);
    }

    private void pagePanel(int pass, StripInputs in, List<StripModel> models, List<Integer> todo, int k, Solved solved) {
        Window.setTimeout(() -> PageErrors.guarded("comparison strip", () -> {
            if (pass != generation.getAsInt()) {
                return; // a newer pass replaced this one
            }
            int i = todo.get(k);
            StripModel m = models.get(i / in.steps().length);
            double start = now();
            StripSampler.Panel r = sampler.run(m.field(), in.config(), in.steps()[i % in.steps().length], in.noise(), in.n(),
                    in.reference(), in.m(), in.metric());
            solved.panel(i, new PanelCache.Entry(r, sampler.samples(), now() - start));
            if (k + 1 < todo.size()) {
                pagePanel(pass, in, models, todo, k + 1, solved);
            }
        }), 0);
    }

    /** A panel from its samples: the metric is measured here, and its time added to the solve's. */
    private PanelCache.Entry measured(StripInputs in, int steps, int nfe, float[] samples, double solveMillis) {
        double start = now();
        double metric = sampler.measure(in.metric(), samples, in.n(), in.reference(), in.m());
        return new PanelCache.Entry(new StripSampler.Panel(steps, nfe, metric), samples, solveMillis + now() - start);
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
