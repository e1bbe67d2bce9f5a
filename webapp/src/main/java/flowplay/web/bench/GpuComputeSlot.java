package flowplay.web.bench;

import flowplay.web.gpu.GpuDevices;
import flowplay.web.gpu.GpuSampler;

/**
 * The WebGPU compute sampler ({@link GpuSampler}, the page's own), on a device of its own; its {@code sample} has the
 * shape of {@link AsyncSampler}, so {@link TimedRuns} times it exactly as it times the CPU sampler, readback included.
 */
final class GpuComputeSlot implements BenchEngine {
    @Override
    public String name() {
        return "webgpu-compute";
    }

    @Override
    public void run(BenchWorkload workload, BenchCallback callback) {
        GpuDevices.request(device -> {
            GpuSampler gpu = GpuSampler.create(device);
            String problem = gpu.problem(BenchWorkload.field(workload.mlp()), BenchWorkload.SOLVER, workload.steps, workload.points);
            if (problem != null) {
                callback.unavailable(problem);
                return;
            }
            TimedRuns.start(gpu::sample, workload, "WebGPU compute (generated WGSL: MLP and Euler in one dispatch)", callback);
        }, callback::unavailable);
    }
}
