package flowplay.web.check;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.AffinePath;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import flowplay.web.PageErrors;
import flowplay.web.gpu.GpuDevices;
import flowplay.web.gpu.GpuSampler;
import flowplay.web.net.BinaryGet;
import flowplay.web.sampling.SamplingGrid;
import flowplay.web.ui.Dom;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.webgpu.GPUDevice;

/**
 * Entry point of gpu-check.html, the test hook and benchmark of the WebGPU sampler: for a set of models (a bundled
 * trained checkpoint, random networks of every activation, a Fourier-time, a mask-conditioned, a deep and a
 * 1024-wide one) it samples the same noise with the CPU (TeaVM) sampler and with {@link GpuSampler} — twice, the second
 * run reusing the uploaded weights — and prints one {@code case.key=value} line each into {@code #gpu-check}: the
 * largest |gpu − cpu| ({@code max-diff}), that divided by max(1, |cpu|) ({@code max-scaled-diff}), and the wall times
 * {@code cpu-ms}, {@code gpu-first-ms}, {@code gpu-ms}. {@code data-state} running | done | failed | no-webgpu.
 */
public final class GpuCheckPage {
    /** The trained model the main comparison runs on (bundled with the page). */
    static final String PRETRAINED = "pretrained/moons-condot-velocity.safetensors";
    static final String PRETRAINED_SCORE = "pretrained/moons-vp-score.safetensors";

    private final HTMLElement out;
    private final StringBuilder text = new StringBuilder();
    private final List<Case> cases = new ArrayList<>();
    private GpuSampler gpu;
    private int next;
    /** Points of the trained model's cases ({@code #n=…}, default 4096); the random networks use at most 1024. */
    private int points = 4096;
    /** Whether each GPU solve runs a second time on the cached model ({@code #repeat=0} skips it). */
    private boolean repeat = true;

    /** One comparison: a model, a solver on a grid, n points of seeded noise; {@code perStep} splits dispatches per step. */
    private static final class Case {
        final String name;
        final PredictionField field;
        final String solver;
        final TimeGrid grid;
        final int n;
        final int stepsPerDispatch;

        Case(String name, PredictionField field, String solver, TimeGrid grid, int n, int stepsPerDispatch) {
            this.name = name;
            this.field = field;
            this.solver = solver;
            this.grid = grid;
            this.n = n;
            this.stepsPerDispatch = stepsPerDispatch;
        }
    }

    private GpuCheckPage(HTMLElement out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PageErrors.install();
        GpuCheckPage page = new GpuCheckPage(Dom.byId("gpu-check"));
        PageErrors.guarded("gpu-check", page::start);
    }

    private void start() {
        String hash = org.teavm.jso.browser.Window.current().getLocation().getHash();
        points = Math.max(1, Math.min(100000, (int) hashNumber(hash, "n", 4096)));
        repeat = hashNumber(hash, "repeat", 1) != 0;
        GpuDevices.request(device -> guarded(() -> deviceReady(device)), why -> finish("no-webgpu", why));
    }

    private void deviceReady(GPUDevice device) {
        device.getLost().then(info -> {
            if (!"destroyed".equals(info.getReason())) {
                finish("failed", "WebGPU device lost: " + info.getMessage());
            }
            return null;
        });
        gpu = GpuSampler.create(device);
        BinaryGet.fetch(PRETRAINED, bytes -> guarded(() -> BinaryGet.fetch(PRETRAINED_SCORE, score -> guarded(() -> {
            if (bytes == null || score == null) {
                finish("failed", "could not load the bundled checkpoints");
                return;
            }
            addCases(Checkpoint.fromBytes(bytes).velocityField(), Checkpoint.fromBytes(score).velocityField());
            runNext();
        }))));
    }

    /** The brief's comparison (n = 4096; euler 100 steps, the others 32) plus the shapes the shader generator must cover. */
    private void addCases(PredictionField trained, PredictionField trainedScore) {
        int n = points;
        int small = Math.min(1024, n);
        cases.add(new Case("pretrained.euler100", trained, "euler", SamplingGrid.of(trained, 100), n, 0));
        cases.add(new Case("pretrained.midpoint32", trained, "midpoint", SamplingGrid.of(trained, 32), n, 0));
        cases.add(new Case("pretrained.heun32", trained, "heun", SamplingGrid.of(trained, 32), n, 0));
        cases.add(new Case("pretrained.rk4-32", trained, "rk4", SamplingGrid.of(trained, 32), n, 0));
        cases.add(new Case("pretrained.heun32-per-step-dispatch", trained, "heun", SamplingGrid.of(trained, 32), n, 1));
        cases.add(new Case("vp-score.heun32", trainedScore, "heun", SamplingGrid.of(trainedScore, 32), small, 0));
        cases.add(new Case("random-3-64-64-64-2.rk4-16", random(new int[] {3, 64, 64, 64, 2}, Activation.ELU, TimeEmbedding.LINEAR, 7),
                "rk4", TimeGrid.sampling(16), small, 0));
        Activation[] others = {Activation.SILU, Activation.RELU, Activation.TANH, Activation.GELU};
        for (Activation a : others) {
            cases.add(new Case("random-" + a.id() + ".heun8", random(new int[] {3, 32, 32, 2}, a, TimeEmbedding.LINEAR, 11),
                    "heun", TimeGrid.sampling(8), small, 0));
        }
        cases.add(new Case("fourier4.midpoint8", random(new int[] {11, 32, 32, 2}, Activation.ELU, TimeEmbedding.fourier(4), 13),
                "midpoint", TimeGrid.sampling(8), small, 0));
        cases.add(new Case("masked.euler8", random(new int[] {5, 16, 2}, Activation.ELU, TimeEmbedding.LINEAR, 17),
                "euler", TimeGrid.sampling(8), small, 0));
        cases.add(new Case("single-layer.rk4-4", random(new int[] {3, 2}, Activation.ELU, TimeEmbedding.LINEAR, 19),
                "rk4", TimeGrid.sampling(4), Math.min(256, n), 0));
        cases.add(new Case("depth8-width16.heun8", random(new int[] {3, 16, 16, 16, 16, 16, 16, 16, 16, 2}, Activation.ELU,
                TimeEmbedding.LINEAR, 23), "heun", TimeGrid.sampling(8), small, 0));
        cases.add(new Case("width1024.euler2", random(new int[] {3, 1024, 1024, 2}, Activation.ELU, TimeEmbedding.LINEAR, 29),
                "euler", TimeGrid.sampling(2), Math.min(256, n), 0));
    }

    private static PredictionField random(int[] sizes, Activation a, TimeEmbedding time, long seed) {
        return new PredictionField(Mlp.init(sizes, a, new Rng(seed)), Prediction.VELOCITY, new AffinePath(new CondOt()), time);
    }

    private void runNext() {
        if (next >= cases.size()) {
            finish("done", null);
            return;
        }
        Case c = cases.get(next++);
        float[] noise = new float[c.n * 2];
        new Rng(1).fillGaussian(noise, 0, noise.length);
        float[] cpu = noise.clone();
        double t0 = now();
        Sampler.run(c.field, Solvers.byName(c.solver, SolverParams.defaults()), cpu, c.n, c.grid, null);
        double cpuMillis = now() - t0;
        gpu.setStepsPerDispatch(c.stepsPerDispatch);
        double t1 = now();
        gpu.sample(c.field, c.solver, c.grid, noise, c.n, first -> guarded(() -> {
            double firstMillis = now() - t1;
            if (!repeat) {
                report(c, cpu, first, cpuMillis, firstMillis, firstMillis);
                runNext();
                return;
            }
            double t2 = now();
            // Again with the same model, solver and grid: weights, stage table and pipeline are reused.
            gpu.sample(c.field, c.solver, c.grid, noise, c.n, second -> guarded(() -> {
                double gpuMillis = now() - t2;
                report(c, cpu, second, cpuMillis, firstMillis, gpuMillis);
                runNext();
            }), why -> finish("failed", c.name + ": " + why));
        }), why -> finish("failed", c.name + ": " + why));
    }

    /** The number after {@code key=} in the hash, or the fallback. */
    static double hashNumber(String hash, String key, double fallback) {
        String h = hash == null ? "" : hash.startsWith("#") ? hash.substring(1) : hash;
        int from = 0;
        while (from <= h.length()) {
            int amp = h.indexOf('&', from);
            String part = h.substring(from, amp < 0 ? h.length() : amp);
            if (part.startsWith(key + "=")) {
                try {
                    return Double.parseDouble(part.substring(key.length() + 1));
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
            if (amp < 0) {
                break;
            }
            from = amp + 1;
        }
        return fallback;
    }

    private void report(Case c, float[] cpu, float[] gpuSamples, double cpuMillis, double firstMillis, double gpuMillis) {
        double max = 0;
        double scaled = 0;
        boolean finite = true;
        for (int i = 0; i < cpu.length; i++) {
            double d = Math.abs(gpuSamples[i] - cpu[i]);
            finite &= Float.isFinite(gpuSamples[i]);
            max = Math.max(max, d);
            scaled = Math.max(scaled, d / Math.max(1, Math.abs(cpu[i])));
        }
        line(c.name + ".max-diff", finite ? max : Double.NaN);
        line(c.name + ".max-scaled-diff", finite ? scaled : Double.NaN);
        line(c.name + ".n", c.n);
        line(c.name + ".nfe", c.grid.steps() * flowplay.web.gpu.GpuSolver.byName(c.solver).stages());
        line(c.name + ".cpu-ms", cpuMillis);
        line(c.name + ".gpu-first-ms", firstMillis);
        line(c.name + ".gpu-ms", gpuMillis);
        out.setTextContent(text.toString());
        out.setAttribute("data-progress", next + "/" + cases.size());
    }

    private void line(String key, double value) {
        text.append(key).append('=').append(value).append('\n');
    }

    private void finish(String state, String reason) {
        if (!"running".equals(out.getAttribute("data-state"))) {
            return;
        }
        if (reason != null) {
            text.append("reason=").append(reason).append('\n');
            out.setAttribute("data-reason", reason);
        }
        out.setTextContent(text.toString());
        out.setAttribute("data-state", state);
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            finish("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
