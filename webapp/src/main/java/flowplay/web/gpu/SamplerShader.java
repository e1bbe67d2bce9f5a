package flowplay.web.gpu;

import flowplay.core.model.Activation;

/**
 * Writes the WGSL of one sampler: the network's layer sizes, offsets and activation and the solver's update rule are
 * baked in as constants and straight-line code, so the compiler sees fixed loop bounds and nothing is looked up per
 * point. One invocation integrates one point over the steps [params.first, params.last), so a solve may be split over
 * several dispatches (long single dispatches can trip a GPU watchdog).
 *
 * <p>Bindings (group 0): 0 weights, 1 biases, 2 stage table ({@link StageTable}), 3 points (read-write vec2, row-major
 * x, y: the same bytes as the CPU's float array), 4 params (uniform n, first, last), 5 scratch (only when
 * {@link #usesScratch}).
 *
 * <p>Hidden activations live in two function-scope arrays of the widest hidden layer. WGSL promises only 8192 bytes of
 * function-scope variables per function, so beyond {@link #PRIVATE_MAX_WIDTH} units the two arrays move to a read-write
 * storage buffer with 2·⌈width/4⌉ vec4s per point instead.
 */
public final class SamplerShader {
    public static final int WORKGROUP = 64;
    /** Two arrays of this many f32 (as vec4s) take 4 KB of the 8 KB WGSL guarantees for function-scope variables. */
    public static final int PRIVATE_MAX_WIDTH = 512;

    private final int[] sizes;
    private final Activation activation;
    private final GpuSolver solver;
    private final WeightPack pack;
    private final int widest;
    private final StringBuilder out = new StringBuilder();

    private SamplerShader(int[] sizes, Activation activation, GpuSolver solver, WeightPack pack) {
        this.sizes = sizes;
        this.activation = activation;
        this.solver = solver;
        this.pack = pack;
        this.widest = widestHidden(sizes);
    }

    /** The widest hidden layer (1 for a network without hidden layers). */
    public static int widestHidden(int[] sizes) {
        int w = 1;
        for (int k = 1; k < sizes.length - 1; k++) {
            w = Math.max(w, sizes[k]);
        }
        return w;
    }

    /** Whether the hidden activations of this network go to the storage scratch buffer (binding 5). */
    public static boolean usesScratch(int[] sizes) {
        return widestHidden(sizes) > PRIVATE_MAX_WIDTH;
    }

    /** The WGSL for a 2-D network with these sizes (input first, output 2 last) and this solver. */
    public static String source(int[] sizes, Activation activation, GpuSolver solver, WeightPack pack) {
        return new SamplerShader(sizes, activation, solver, pack).write();
    }

    private String write() {
        int layers = sizes.length - 1;
        boolean scratch = usesScratch(sizes);
        int firstGroups = WeightPack.groups(sizes[1]);
        line("// Flowplay GPU sampler: MLP " + join(sizes) + " (" + activation.id() + "), solver " + solver.id());
        line("// Four units at a time as vec4 (layout: WeightPack); all offsets are in vec4s.");
        line("const FIRST_GROUPS: u32 = " + firstGroups + "u;");
        line("const STAGES: u32 = " + solver.stages() + "u;");
        line("const RECORD: u32 = " + (1 + firstGroups) + "u;");
        line("const WIDEST_GROUPS: u32 = " + WeightPack.groups(widest) + "u;");
        line("struct Params { n: u32, first: u32, last: u32, pad: u32 }");
        line("@group(0) @binding(0) var<storage, read> weights: array<vec4<f32>>;");
        line("@group(0) @binding(1) var<storage, read> biases: array<vec4<f32>>;");
        line("@group(0) @binding(2) var<storage, read> stages: array<vec4<f32>>;");
        line("@group(0) @binding(3) var<storage, read_write> points: array<vec2<f32>>;");
        line("@group(0) @binding(4) var<uniform> params: Params;");
        if (scratch) {
            line("@group(0) @binding(5) var<storage, read_write> scratch: array<vec4<f32>>;");
        }
        activationFunction();
        line("");
        line("// q(x, t) through the network, then u = c_x·x + c_q·q; rec is the stage's record in the table (header vec4");
        line("// h, c_x, c_q, 0, then the first layer's bias with τ(t) folded in).");
        line("fn velocity(p: vec2<f32>, rec: u32, point: u32) -> vec2<f32> {");
        if (scratch) {
            line("  let base = point * 2u * WIDEST_GROUPS;");
        } else if (layers > 1) {
            line("  var ha: array<vec4<f32>, WIDEST_GROUPS>;");
            line("  var hb: array<vec4<f32>, WIDEST_GROUPS>;");
        }
        if (layers == 1) {
            // No hidden layer: the first layer is the output (units 0 and 1 of group 0), without activation.
            line("  let z = stages[rec + 1u] + weights[0u] * p.x + weights[FIRST_GROUPS] * p.y;");
            line("  let q = z.xy;");
        } else {
            line("  for (var j = 0u; j < FIRST_GROUPS; j = j + 1u) {");
            line("    " + cell(scratch, 0, "j") + " = act(stages[rec + 1u + j] + weights[j] * p.x + weights[FIRST_GROUPS + j] * p.y);");
            line("  }");
            for (int k = 1; k < layers - 1; k++) {
                int in = WeightPack.groups(sizes[k]);
                int units = WeightPack.groups(sizes[k + 1]);
                String src = cell(scratch, (k - 1) % 2, "i");
                line("  for (var j = 0u; j < " + units + "u; j = j + 1u) {");
                line("    let row = " + pack.weightOffset(k) + "u + j * " + 4 * in + "u;");
                line("    var z = biases[" + pack.biasOffset(k) + "u + j];");
                line("    for (var i = 0u; i < " + in + "u; i = i + 1u) {");
                line("      let h = " + src + ";");
                line("      z = z + vec4<f32>(dot(weights[row + i], h), dot(weights[row + " + in + "u + i], h),");
                line("          dot(weights[row + " + 2 * in + "u + i], h), dot(weights[row + " + 3 * in + "u + i], h));");
                line("    }");
                line("    " + cell(scratch, k % 2, "j") + " = act(z);");
                line("  }");
            }
            int last = layers - 1;
            int in = WeightPack.groups(sizes[last]);
            int wl = pack.weightOffset(last);
            line("  var q = biases[" + pack.biasOffset(last) + "u].xy;");
            line("  for (var i = 0u; i < " + in + "u; i = i + 1u) {");
            line("    let h = " + cell(scratch, (last - 1) % 2, "i") + ";");
            line("    q = q + vec2<f32>(dot(weights[" + wl + "u + i], h), dot(weights[" + (wl + in) + "u + i], h));");
            line("  }");
        }
        line("  let c = stages[rec];");
        line("  return c.y * p + c.z * q;");
        line("}");
        line("");
        line("@compute @workgroup_size(" + WORKGROUP + ")");
        line("fn main(@builtin(global_invocation_id) id: vec3<u32>) {");
        line("  let i = id.x;");
        line("  if (i >= params.n) {");
        line("    return;");
        line("  }");
        line("  var x = points[i];");
        line("  for (var k = params.first; k < params.last; k = k + 1u) {");
        line("    let r = k * STAGES * RECORD;");
        line("    let h = stages[r].x;");
        solverUpdate();
        line("  }");
        line("  points[i] = x;");
        line("}");
        return out.toString();
    }

    /** The core solvers' updates, term for term (see Euler, Midpoint, Heun, Rk4 in flowplay.core.solver). */
    private void solverUpdate() {
        switch (solver) {
            case EULER:
                line("    x = x + h * velocity(x, r, i);");
                break;
            case MIDPOINT:
                line("    let k1 = velocity(x, r, i);");
                line("    let k2 = velocity(x + (0.5 * h) * k1, r + RECORD, i);");
                line("    x = x + h * k2;");
                break;
            case HEUN:
                line("    let k1 = velocity(x, r, i);");
                line("    let k2 = velocity(x + h * k1, r + RECORD, i);");
                line("    x = x + (0.5 * h) * (k1 + k2);");
                break;
            case RK4:
                line("    let half = 0.5 * h;");
                line("    let k1 = velocity(x, r, i);");
                line("    let k2 = velocity(x + half * k1, r + RECORD, i);");
                line("    let k3 = velocity(x + half * k2, r + 2u * RECORD, i);");
                line("    let k4 = velocity(x + h * k3, r + 3u * RECORD, i);");
                line("    x = x + (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4);");
                break;
            default:
                throw new IllegalStateException(solver.id());
        }
    }

    /** PyTorch's definitions, as {@code Activation.apply}; tanh's argument is clamped because some drivers give NaN for large |v|. */
    private void activationFunction() {
        switch (activation) {
            case ELU:
                line("fn act(v: vec4<f32>) -> vec4<f32> { return select(exp(v) - 1.0, v, v > vec4<f32>(0.0)); }");
                break;
            case SILU:
                line("fn act(v: vec4<f32>) -> vec4<f32> { return v / (1.0 + exp(-v)); }");
                break;
            case RELU:
                line("fn act(v: vec4<f32>) -> vec4<f32> { return max(v, vec4<f32>(0.0)); }");
                break;
            case TANH:
                line("fn act(v: vec4<f32>) -> vec4<f32> { return tanh(clamp(v, vec4<f32>(-20.0), vec4<f32>(20.0))); }");
                break;
            case GELU:
                // Abramowitz–Stegun 7.1.26, the erf of Activation (the JDK and WGSL have none).
                line("fn erf(v: vec4<f32>) -> vec4<f32> {");
                line("  let a = abs(v);");
                line("  let k = 1.0 / (1.0 + 0.3275911 * a);");
                line("  let poly = k * (0.254829592 + k * (-0.284496736 + k * (1.421413741 + k * (-1.453152027 + k * 1.061405429))));");
                line("  return sign(v) * (1.0 - poly * exp(-a * a));");
                line("}");
                line("fn act(v: vec4<f32>) -> vec4<f32> { return 0.5 * v * (1.0 + erf(v * 0.70710678118654752)); }");
                break;
            default:
                throw new IllegalStateException(activation.id());
        }
    }

    /** Hidden unit {@code index} of activation array 0 or 1. */
    private static String cell(boolean scratch, int array, String index) {
        if (scratch) {
            return "scratch[base + " + (array == 0 ? "" : "WIDEST_GROUPS + ") + index + "]";
        }
        return (array == 0 ? "ha[" : "hb[") + index + "]";
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private static String join(int[] sizes) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < sizes.length; k++) {
            sb.append(k == 0 ? "" : "-").append(sizes[k]);
        }
        return sb.toString();
    }
}
