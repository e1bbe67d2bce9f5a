package flowplay.web.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.model.PredictionField;
import flowplay.core.path.AffinePath;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

class SamplerShaderTest {
    private static String shader(int[] sizes, Activation a, GpuSolver s) {
        Mlp mlp = Mlp.init(sizes, a, new Rng(1));
        return SamplerShader.source(sizes, a, s, new WeightPack(mlp));
    }

    @Test
    void sizesOffsetsAndSolverAreBakedIn() {
        int[] sizes = {3, 64, 64, 64, 2};
        String code = shader(sizes, Activation.ELU, GpuSolver.HEUN);
        assertTrue(code.contains("const FIRST_GROUPS: u32 = 16u;"), code);
        assertTrue(code.contains("const STAGES: u32 = 2u;"), code);
        assertTrue(code.contains("const RECORD: u32 = 17u;"), code); // header + 64 units, in vec4s
        assertTrue(code.contains("const WIDEST_GROUPS: u32 = 16u;"), code);
        // vec4 offsets: W1's x and y columns take 2·16, W2 64 rows × 16 = 1024, W3 the same, so the output layer is at 2080.
        assertTrue(code.contains("let row = 32u + j * 64u;"), code);
        assertTrue(code.contains("let row = 1056u + j * 64u;"), code);
        assertTrue(code.contains("dot(weights[2080u + i], h), dot(weights[2096u + i], h)"), code);
        assertTrue(code.contains("var q = biases[32u].xy;"), code); // after the biases of W2 and W3, 16 vec4s each
        assertTrue(code.contains("select(exp(v) - 1.0, v, v > vec4<f32>(0.0))"), code);
        assertTrue(code.contains("x = x + (0.5 * h) * (k1 + k2);"), code);
        assertTrue(code.contains("var ha: array<vec4<f32>, WIDEST_GROUPS>;"), code);
        assertFalse(code.contains("scratch"), code);
        assertEquals(1, count(code, "@compute"));
    }

    @Test
    void everySolverHasItsUpdate() {
        int[] sizes = {3, 16, 2};
        assertTrue(shader(sizes, Activation.ELU, GpuSolver.EULER).contains("x = x + h * velocity(x, r, i);"));
        assertTrue(shader(sizes, Activation.ELU, GpuSolver.MIDPOINT).contains("x = x + h * k2;"));
        String rk4 = shader(sizes, Activation.ELU, GpuSolver.RK4);
        assertTrue(rk4.contains("r + 3u * RECORD"), rk4);
        assertTrue(rk4.contains("(h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4)"), rk4);
    }

    @Test
    void everyActivationIsDefined() {
        int[] sizes = {3, 8, 2};
        assertTrue(shader(sizes, Activation.SILU, GpuSolver.EULER).contains("v / (1.0 + exp(-v))"));
        assertTrue(shader(sizes, Activation.RELU, GpuSolver.EULER).contains("max(v, vec4<f32>(0.0))"));
        assertTrue(shader(sizes, Activation.TANH, GpuSolver.EULER).contains("tanh(clamp(v, vec4<f32>(-20.0), vec4<f32>(20.0)))"));
        String gelu = shader(sizes, Activation.GELU, GpuSolver.EULER);
        assertTrue(gelu.contains("fn erf(v: vec4<f32>)") && gelu.contains("1.061405429"), gelu);
    }

    @Test
    void wideNetworksKeepActivationsInAStorageScratchBuffer() {
        int[] sizes = {3, 1024, 1024, 2};
        assertTrue(SamplerShader.usesScratch(sizes));
        String code = shader(sizes, Activation.ELU, GpuSolver.EULER);
        assertTrue(code.contains("@group(0) @binding(5) var<storage, read_write> scratch: array<vec4<f32>>;"), code);
        assertTrue(code.contains("scratch[base + WIDEST_GROUPS + j]"), code);
        assertFalse(code.contains("var ha"), code);
        assertFalse(SamplerShader.usesScratch(new int[] {3, 512, 512, 2}));
    }

    @Test
    void aSingleLinearLayerNeedsNoHiddenArrays() {
        String code = shader(new int[] {3, 2}, Activation.ELU, GpuSolver.RK4);
        assertTrue(code.contains("let z = stages[rec + 1u] + weights[0u] * p.x + weights[FIRST_GROUPS] * p.y;"), code);
        assertTrue(code.contains("let q = z.xy;"), code);
        assertFalse(code.contains("var ha"), code);
        Mlp mlp = Mlp.init(new int[] {3, 2}, Activation.ELU, new Rng(1));
        float[] w = new WeightPack(mlp).weights();
        assertEquals(8, w.length);
        assertEquals(mlp.weights()[0][3], w[1]); // unit 1, x column
        assertEquals(mlp.weights()[0][4], w[5]); // unit 1, y column
        assertEquals(0f, w[2]);
    }

    @Test
    void limitsNameWhyTheCpuIsUsed() {
        PredictionField small = new PredictionField(Mlp.init(new int[] {3, 64, 64, 2}, Activation.ELU, new Rng(1)), Prediction.VELOCITY,
                new AffinePath(new CondOt()));
        double mib128 = 128.0 * 1024 * 1024;
        assertNull(GpuLimits.problem(small, "heun", 32, 4096, mib128));
        assertTrue(GpuLimits.problem(small, "dopri5", 32, 4096, mib128).contains("not a fixed-grid solver"));
        assertTrue(GpuLimits.problem(small, "em", 32, 4096, mib128).contains("not a fixed-grid solver"));
        PredictionField wide = new PredictionField(Mlp.init(new int[] {3, 2048, 2}, Activation.ELU, new Rng(1)), Prediction.VELOCITY,
                new AffinePath(new CondOt()));
        assertTrue(GpuLimits.problem(wide, "euler", 4, 16, mib128).contains("2048 units"));
        PredictionField threeD = new PredictionField(Mlp.init(new int[] {4, 8, 3}, Activation.ELU, new Rng(1)), Prediction.VELOCITY,
                new AffinePath(new CondOt()));
        assertTrue(GpuLimits.problem(threeD, "euler", 4, 16, mib128).contains("3-D"));
        PredictionField w1024 = new PredictionField(Mlp.init(new int[] {3, 1024, 1024, 2}, Activation.ELU, new Rng(1)),
                Prediction.VELOCITY, new AffinePath(new CondOt()));
        assertNull(GpuLimits.problem(w1024, "rk4", 1000, 4096, mib128));
        assertTrue(GpuLimits.problem(w1024, "euler", 4, 100000, mib128).contains("storage binding limit"));
    }

    @Test
    void weightPackOffsetsFollowTheLayers() {
        Mlp mlp = Mlp.init(new int[] {3, 5, 4, 2}, Activation.ELU, new Rng(2));
        WeightPack pack = new WeightPack(mlp);
        // vec4s: layer 0 two columns of ⌈5/4⌉ = 2; layer 1 4 rows × 2; output 2 rows × 1.
        assertEquals(4 * (4 + 8 + 2), pack.weights().length);
        assertEquals(4 * (1 + 1), pack.biases().length);
        assertEquals(4, pack.weightOffset(1));
        assertEquals(12, pack.weightOffset(2));
        assertEquals(1, pack.biasOffset(2));
        float[][] w = mlp.weights();
        assertEquals(w[0][2 * 3], pack.weights()[2]); // unit 2, x column
        assertEquals(w[0][2 * 3 + 1], pack.weights()[8 + 2]); // unit 2, y column
        assertEquals(0f, pack.weights()[5]); // unit 5 of 5 is padding
        assertEquals(w[1][5 + 3], pack.weights()[16 + 8 + 3]); // layer 1 row 1 col 3 (rows are 8 floats)
        assertEquals(0f, pack.weights()[16 + 5]); // row 0 col 5: padding
        assertEquals(w[2][4 + 2], pack.weights()[48 + 4 + 2]); // output row 1 col 2
        assertEquals(mlp.biases()[2][1], pack.biases()[4 + 1]);
        assertEquals(mlp.biases()[1][3], pack.biases()[3]);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
