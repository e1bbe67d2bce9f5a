package flowplay.web.gpu;

import flowplay.core.model.PredictionField;

/**
 * Whether the GPU sampler can run a given solve, and if not, the reason the page shows. Pure arithmetic on sizes, so
 * the JVM tests cover it; the device's own limits come in as numbers.
 */
public final class GpuLimits {
    /** The widest hidden layer the sampler is built for (the settings table's width bound). */
    public static final int MAX_WIDTH = 1024;
    /** Linear layers unrolled into the shader at most (depth 8 is 9 layers; loaded checkpoints may have more). */
    public static final int MAX_LAYERS = 16;

    private GpuLimits() {
    }

    /**
     * Null when the GPU can sample {@code n} points of {@code field} with {@code solver} on {@code steps} steps, else why
     * not. {@code maxBindingBytes} is the device's maxStorageBufferBindingSize.
     */
    public static String problem(PredictionField field, String solver, int steps, int n, double maxBindingBytes) {
        if (GpuSolver.byName(solver) == null) {
            return solver + " is not a fixed-grid solver (WebGPU runs euler, midpoint, heun and rk4)";
        }
        if (field.dim() != 2) {
            return "the model is " + field.dim() + "-D (WebGPU samples 2-D models)";
        }
        int[] sizes = field.mlp().sizes();
        if (sizes.length - 1 > MAX_LAYERS) {
            return "the network has " + (sizes.length - 1) + " layers (WebGPU runs at most " + MAX_LAYERS + ")";
        }
        int widest = Math.max(sizes[1], SamplerShader.widestHidden(sizes));
        if (widest > MAX_WIDTH) {
            return "a layer has " + widest + " units (WebGPU runs at most " + MAX_WIDTH + ")";
        }
        GpuSolver s = GpuSolver.byName(solver);
        double table = 4.0 * steps * s.stages() * (StageTable.HEADER + 4 * WeightPack.groups(sizes[1]));
        double weights = 0;
        for (int k = 0; k < sizes.length - 1; k++) {
            weights += 4.0 * sizes[k] * sizes[k + 1];
        }
        double scratch = SamplerShader.usesScratch(sizes) ? 32.0 * n * WeightPack.groups(SamplerShader.widestHidden(sizes)) : 0;
        double biggest = Math.max(Math.max(table, weights), Math.max(scratch, 8.0 * n));
        if (biggest > maxBindingBytes) {
            return "a buffer of " + Math.round(biggest / 1048576) + " MiB exceeds the device's storage binding limit of "
                    + Math.round(maxBindingBytes / 1048576) + " MiB";
        }
        return null;
    }
}
