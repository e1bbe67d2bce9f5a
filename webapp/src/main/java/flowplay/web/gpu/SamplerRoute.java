package flowplay.web.gpu;

import flowplay.core.model.PredictionField;
import flowplay.web.ui.SamplerBadge;
import org.teavm.jso.JSBody;
import org.teavm.jso.webgpu.GPUDevice;

/**
 * Chooses, for each drawing of the main picture, between the GPU sampler and the CPU one, and keeps
 * {@code #sampler-path} saying which and why. The GPU is used when the renderer has a WebGPU device, the hash does not
 * say {@code sampler=cpu}, and {@link GpuSampler#problem} has no objection — and, unless the hash says
 * {@code sampler=gpu}, when the adapter is real hardware: a software adapter (SwiftShader, which emulates the GPU on
 * the CPU) samples about 1.5× slower than the CPU sampler (docs/webgpu-sampler.md), so the fast path there is the CPU.
 * After a GPU failure the page stays on the CPU (the failure itself is a page error).
 */
public final class SamplerRoute {
    private final SamplerBadge badge;
    private final boolean forcedCpu;
    private final boolean forcedGpu;
    private GpuSampler gpu;
    private String noGpuReason = "choosing the renderer…";

    /** {@code mode}: cpu, gpu or auto, from the hash's {@code sampler=}. */
    public SamplerRoute(SamplerBadge badge, String mode) {
        this.badge = badge;
        this.forcedCpu = "cpu".equals(mode);
        this.forcedGpu = "gpu".equals(mode);
        if (forcedCpu) {
            badge.showCpu(forcedReason());
        }
    }

    /** The renderer's device (null for Canvas2D, with why); replaces any earlier one (e.g. after a device loss). */
    public void useDevice(GPUDevice device, String reasonWithout) {
        if (gpu != null) {
            gpu.release();
        }
        gpu = device == null ? null : GpuSampler.create(device);
        noGpuReason = device == null ? "no WebGPU device (" + reasonWithout + ")" : null;
        String software = device == null ? "" : softwareAdapter(device);
        if (!software.isEmpty() && !forcedGpu) {
            noGpuReason = "the WebGPU adapter is " + software + ", a CPU emulation that samples slower than the CPU sampler; "
                    + "sampler=gpu in the URL uses it anyway";
        }
        if (forcedCpu) {
            badge.showCpu(forcedReason());
        } else if (gpu != null && noGpuReason == null) {
            badge.showGpu();
        } else {
            badge.showCpu(noGpuReason);
        }
    }

    /** The GPU sampler for this solve, or null (the badge then says why the CPU is used). */
    public GpuSampler choose(PredictionField field, String solver, int steps, int n) {
        String reason = forcedCpu ? forcedReason() : gpu == null || noGpuReason != null ? noGpuReason
                : gpu.problem(field, solver, steps, n);
        if (reason != null) {
            badge.showCpu(reason);
            return null;
        }
        badge.showGpu();
        return gpu;
    }

    /** This solve goes to the CPU for a reason of the caller's; the badge says it. Returns null, like a refusing {@link #choose}. */
    public GpuSampler onCpu(String reason) {
        badge.showCpu(reason);
        return null;
    }

    /**
     * The page's GPU sampler for other views (the strip): null when sampling is on the CPU (forced, no device, or after a
     * failure). Its weight cache holds one model, so views that share it should sample the same model.
     */
    public GpuSampler sampler() {
        return forcedCpu || noGpuReason != null ? null : gpu;
    }

    /** The GPU path failed: the rest of this page samples on the CPU. */
    public void gpuFailed(String reason) {
        if (gpu != null) {
            gpu.release();
        }
        gpu = null;
        noGpuReason = "the WebGPU sampler failed: " + reason;
        badge.showCpu(noGpuReason);
    }

    /** The software rasterizer behind the device ("SwiftShader"), or "" for hardware or when the browser does not say. */
    @JSBody(params = "device", script = "var i = device.adapterInfo || {};"
            + "var s = [i.vendor, i.architecture, i.device, i.description].join(' ').toLowerCase();"
            + "return s.indexOf('swiftshader') >= 0 ? 'SwiftShader' : (i.isFallbackAdapter ? 'a fallback (software) adapter' : '');")
    private static native String softwareAdapter(GPUDevice device);

    private static String forcedReason() {
        return "forced by sampler=cpu in the URL";
    }
}
