package flowplay.web.gpu;

import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.solver.TimeGrid;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.webgpu.GPUBindGroup;
import org.teavm.jso.webgpu.GPUBuffer;
import org.teavm.jso.webgpu.GPUCommandEncoder;
import org.teavm.jso.webgpu.GPUComputePassEncoder;
import org.teavm.jso.webgpu.GPUDescriptor;
import org.teavm.jso.webgpu.GPUDevice;
import org.teavm.jso.webgpu.GPUPipeline;
import org.teavm.jso.webgpu.GPUShaderModule;

/**
 * Samples n 2-D points of source noise through a checkpoint's {@link PredictionField} with euler, midpoint, heun or
 * rk4 entirely on the GPU (WebGPU compute), and reads the samples back. Matches the CPU sampler within float rounding:
 * the shader runs the same network and update formulas; time-only quantities come precomputed ({@link StageTable}).
 *
 * <p>Repeated calls with the same model reuse its weight buffers and compiled pipeline, and the same (solver, grid)
 * reuses the stage table, so timing repeated runs measures the sampling, not the uploads. Calls may overlap: each has
 * its own point and read-back buffers. Usable from any page with a {@link GPUDevice} (the playground, the strip, a
 * benchmark). Not thread-safe (the browser has one thread).
 */
public final class GpuSampler {
    private final GPUDevice device;
    private final double maxBindingBytes;
    private final Map<String, Compiled> pipelines = new HashMap<>();
    private Mlp uploaded;
    private WeightPack pack;
    private GPUBuffer weights;
    private GPUBuffer biases;
    private PredictionField tableField;
    private GpuSolver tableSolver;
    private double[] tableTimes;
    private GPUBuffer table;
    /** Steps per dispatch; 0 = the whole solve in one dispatch. */
    private int stepsPerDispatch;

    private static final class Compiled {
        final GPUPipeline.Compute pipeline;
        final GPUBindGroup.Layout layout;
        final boolean scratch;

        Compiled(GPUPipeline.Compute pipeline, GPUBindGroup.Layout layout, boolean scratch) {
            this.pipeline = pipeline;
            this.layout = layout;
            this.scratch = scratch;
        }
    }

    private GpuSampler(GPUDevice device) {
        this.device = device;
        this.maxBindingBytes = Math.min(device.getLimits().getMaxStorageBufferBindingSize(), device.getLimits().getMaxBufferSize());
    }

    /** A sampler on this device (the renderer's, or any other); nothing is allocated until the first call. */
    public static GpuSampler create(GPUDevice device) {
        return new GpuSampler(device);
    }

    public GPUDevice device() {
        return device;
    }

    /** Null when {@link #sample} can run this solve on the GPU, else the reason it cannot (for the page's badge). */
    public String problem(PredictionField field, String solver, int steps, int n) {
        return GpuLimits.problem(field, solver, steps, n, maxBindingBytes);
    }

    /**
     * Splits each solve into dispatches of at most this many steps (0, the default: one dispatch). One long dispatch
     * is fastest; shorter ones keep each submission brief where a driver watchdog might stop a long one.
     */
    public void setStepsPerDispatch(int steps) {
        this.stepsPerDispatch = Math.max(0, steps);
    }

    /**
     * Integrates the first n points of {@code noise} (row-major x, y) across {@code grid} with {@code solver}, and calls
     * {@code done} with the n×2 samples, or {@code failed} with the reason (a refused solve, a validation error, a
     * lost device, a timeout) — asynchronously in both cases, never both.
     */
    public void sample(PredictionField field, String solver, TimeGrid grid, float[] noise, int n, Consumer<float[]> done,
            Consumer<String> failed) {
        String problem = problem(field, solver, grid.steps(), n);
        if (problem != null || n < 1) {
            String why = problem != null ? problem : "nothing to sample (n = " + n + ")";
            org.teavm.jso.browser.Window.setTimeout(() -> failed.accept(why), 0);
            return;
        }
        GpuSolver s = GpuSolver.byName(solver);
        device.pushErrorScope("out-of-memory");
        device.pushErrorScope("validation");
        GPUBuffer points = null;
        GPUBuffer readBack = null;
        GPUBuffer scratch = null;
        GPUBuffer params = null;
        String thrown = null;
        try {
            Compiled compiled = prepare(field, s, grid);
            points = buffer("points", 8.0 * n, GPUBuffer.Usage.STORAGE | GPUBuffer.Usage.COPY_DST | GPUBuffer.Usage.COPY_SRC);
            readBack = buffer("samples read-back", 8.0 * n, GPUBuffer.Usage.MAP_READ | GPUBuffer.Usage.COPY_DST);
            params = buffer("params", 16, GPUBuffer.Usage.UNIFORM | GPUBuffer.Usage.COPY_DST);
            if (compiled.scratch) {
                scratch = buffer("hidden activations", 32.0 * n * WeightPack.groups(SamplerShader.widestHidden(field.mlp().sizes())),
                        GPUBuffer.Usage.STORAGE);
            }
            device.getQueue().writeBuffer(points, 0, Float32Array.fromJavaArray(noise), 0, 2 * n);
            GPUBindGroup group = bindGroup(compiled, points, params, scratch);
            int chunk = stepsPerDispatch <= 0 ? grid.steps() : stepsPerDispatch;
            int groups = (n + SamplerShader.WORKGROUP - 1) / SamplerShader.WORKGROUP;
            int[] values = new int[4];
            for (int from = 0; from < grid.steps(); from += chunk) {
                int to = Math.min(grid.steps(), from + chunk);
                values[0] = n;
                values[1] = from;
                values[2] = to;
                // Queue writes and submits run in call order, so each dispatch sees its own step range.
                device.getQueue().writeBuffer(params, 0, Int32Array.fromJavaArray(values), 0, 4);
                GPUCommandEncoder encoder = device.createCommandEncoder();
                GPUComputePassEncoder pass = encoder.beginComputePass();
                pass.setPipeline(compiled.pipeline);
                pass.setBindGroup(0, group);
                pass.dispatchWorkgroups(groups);
                pass.end();
                if (to == grid.steps()) {
                    encoder.copyBufferToBuffer(points, 0, readBack, 0, 8.0 * n);
                }
                device.getQueue().submit(JSArray.of(encoder.finish()));
            }
        } catch (RuntimeException e) {
            thrown = "WebGPU sampler set-up failed: " + e.getMessage();
        }
        if (readBack == null) {
            // Set-up failed before the read-back buffer existed: a small one still lets the run settle the usual way.
            readBack = buffer("samples read-back", 8, GPUBuffer.Usage.MAP_READ | GPUBuffer.Usage.COPY_DST);
        }
        GPUBuffer p = points;
        GPUBuffer r = readBack;
        GPUBuffer sc = scratch;
        GPUBuffer pa = params;
        Runnable cleanUp = () -> {
            destroy(p);
            destroy(r);
            destroy(sc);
            destroy(pa);
        };
        Consumer<String> failedAndForget = why -> {
            forgetModel(); // nothing cached may be half-built when the next call comes
            failed.accept(why);
        };
        GpuRun run = new GpuRun(readBack, 2 * n, cleanUp, done, failedAndForget);
        if (thrown != null) {
            run.problem(thrown);
        }
        run.await(device);
    }

    /** Drops the cached model buffers, stage table and pipelines (their memory returns once queued work is done). */
    public void release() {
        forgetModel();
        pipelines.clear();
    }

    private void forgetModel() {
        destroy(weights);
        destroy(biases);
        destroy(table);
        weights = null;
        biases = null;
        table = null;
        uploaded = null;
        pack = null;
        tableField = null;
        tableTimes = null;
    }

    /** Uploads what changed since the last call (weights per model, the stage table per model, solver and grid). */
    private Compiled prepare(PredictionField field, GpuSolver solver, TimeGrid grid) {
        Mlp mlp = field.mlp();
        if (mlp != uploaded) {
            forgetModel();
            pack = new WeightPack(mlp);
            weights = upload("weights", pack.weights());
            biases = upload("biases", pack.biases());
            uploaded = mlp;
        }
        double[] times = grid.times();
        if (table == null || tableField != field || tableSolver != solver || !Arrays.equals(tableTimes, times)) {
            destroy(table);
            table = upload("stage table", StageTable.build(field, solver, grid));
            tableField = field;
            tableSolver = solver;
            tableTimes = times;
        }
        String code = SamplerShader.source(mlp.sizes(), mlp.activation(), solver, pack);
        Compiled compiled = pipelines.get(code);
        if (compiled == null) {
            compiled = compile(code, SamplerShader.usesScratch(mlp.sizes()));
            pipelines.put(code, compiled);
        }
        return compiled;
    }

    private Compiled compile(String code, boolean scratch) {
        GPUDescriptor.ShaderModule moduleDescriptor = GPUDescriptor.create();
        moduleDescriptor.setLabel("flowplay sampler");
        moduleDescriptor.setCode(code);
        GPUShaderModule module = device.createShaderModule(moduleDescriptor);

        int count = scratch ? 6 : 5;
        GPUDescriptor.BindGroupLayoutEntry[] entries = new GPUDescriptor.BindGroupLayoutEntry[count];
        String[] types = {"read-only-storage", "read-only-storage", "read-only-storage", "storage", "uniform", "storage"};
        for (int b = 0; b < count; b++) {
            GPUDescriptor.BufferBindingLayout layout = GPUDescriptor.create();
            layout.setType(types[b]);
            GPUDescriptor.BindGroupLayoutEntry entry = GPUDescriptor.create();
            entry.setBinding(b);
            entry.setVisibility(GPUPipeline.ShaderStage.COMPUTE);
            entry.setBuffer(layout);
            entries[b] = entry;
        }
        GPUDescriptor.BindGroupLayout groupDescriptor = GPUDescriptor.create();
        groupDescriptor.setEntries(entries);
        GPUBindGroup.Layout groupLayout = device.createBindGroupLayout(groupDescriptor);
        GPUDescriptor.PipelineLayout pipelineLayoutDescriptor = GPUDescriptor.create();
        pipelineLayoutDescriptor.setBindGroupLayouts(new GPUBindGroup.Layout[] {groupLayout});

        GPUDescriptor.ProgrammableStage stage = GPUDescriptor.create();
        stage.setModule(module);
        stage.setEntryPoint("main");
        GPUDescriptor.ComputePipeline pipeline = GPUDescriptor.create();
        pipeline.setLabel("flowplay sampler");
        pipeline.setLayout(device.createPipelineLayout(pipelineLayoutDescriptor));
        pipeline.setCompute(stage);
        return new Compiled(device.createComputePipeline(pipeline), groupLayout, scratch);
    }

    private GPUBindGroup bindGroup(Compiled compiled, GPUBuffer points, GPUBuffer params, GPUBuffer scratch) {
        GPUBuffer[] buffers = compiled.scratch
                ? new GPUBuffer[] {weights, biases, table, points, params, scratch}
                : new GPUBuffer[] {weights, biases, table, points, params};
        GPUDescriptor.BindGroupEntry[] entries = new GPUDescriptor.BindGroupEntry[buffers.length];
        for (int b = 0; b < buffers.length; b++) {
            GPUDescriptor.BufferBinding binding = GPUDescriptor.create();
            binding.setBuffer(buffers[b]);
            GPUDescriptor.BindGroupEntry entry = GPUDescriptor.create();
            entry.setBinding(b);
            entry.setResource(binding);
            entries[b] = entry;
        }
        GPUDescriptor.BindGroup descriptor = GPUDescriptor.create();
        descriptor.setLayout(compiled.layout);
        descriptor.setEntries(entries);
        return device.createBindGroup(descriptor);
    }

    private GPUBuffer upload(String label, float[] data) {
        GPUBuffer b = buffer(label, 4.0 * data.length, GPUBuffer.Usage.STORAGE | GPUBuffer.Usage.COPY_DST);
        if (data.length > 0) {
            device.getQueue().writeBuffer(b, 0, Float32Array.fromJavaArray(data), 0, data.length);
        }
        return b;
    }

    /** Sizes rounded up to 16 bytes: a zero-sized or odd-sized binding is a validation error. */
    private GPUBuffer buffer(String label, double bytes, int usage) {
        GPUDescriptor.Buffer d = GPUDescriptor.create();
        d.setLabel(label);
        d.setSize(Math.max(16, Math.ceil(bytes / 16) * 16));
        d.setUsage(usage);
        return device.createBuffer(d);
    }

    private static void destroy(GPUBuffer b) {
        if (b != null) {
            b.destroy();
        }
    }
}
