package flowplay.web.bench;

/**
 * SLOT for the WebGPU compute sampler ({@code flowplay.web.gpu.GpuSampler}, built on another branch): the row
 * "webgpu-compute" reports "not wired yet" until it is.
 *
 * <p>To wire it after the merge, replace the body of {@link #run} with (GpuSampler's {@code sample} has the shape of
 * {@link AsyncSampler}, so {@link TimedRuns} times it exactly as it times the CPU sampler, readback included):
 * <pre>{@code
 *   GpuSampler gpu = ...;   // however GpuSampler is created (device request), unavailable(...) when WebGPU is absent
 *   TimedRuns.start(gpu::sample, workload, "WebGPU compute (WGSL MLP + Euler)", callback);
 * }</pre>
 */
final class GpuComputeSlot implements BenchEngine {
    static final String NOT_WIRED = "not wired yet: flowplay.web.gpu.GpuSampler is not on this branch";

    @Override
    public String name() {
        return "webgpu-compute";
    }

    @Override
    public void run(BenchWorkload workload, BenchCallback callback) {
        callback.unavailable(NOT_WIRED);
    }
}
