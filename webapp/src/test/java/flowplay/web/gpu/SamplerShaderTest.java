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
        assertTrue(code.contains("const INPUT_WIDTH: u32 = 3u;"), code);
        assertTrue(code.contains("const FIRST_WIDTH: u32 = 64u;"), code);
        assertTrue(code.contains("const STAGES: u32 = 2u;"), code);
        assertTrue(code.contains("const RECORD: u32 = " + (StageTable.HEADER + 64) + "u;"), code);
        assertTrue(code.contains("const WIDEST: u32 = 64u;"), code);
        // Layer offsets: W1 3×64 = 192 floats, W2 64×64 = 4096, so W3 starts at 4288 and the output layer at 8384.
        assertTrue(code.contains("let row = 192u + j * 64u;"), code);
        assertTrue(code.contains("let row = 4288u + j * 64u;"), code);
        assertTrue(code.contains("weights[8384u + i]"), code);
        assertTrue(code.contains("weights[8448u + i]"), code); // output row 1 = 8384 + 64
        assertTrue(code.contains("var q = vec2<f32>(biases[192u], biases[193u]);"), code); // biases 64 + 64 + 64
        assertTrue(code.contains("select(exp(v) - 1.0, v, v > 0.0)"), code);
        assertTrue(code.contains("x = x + (0.5 * h) * (k1 + k2);"), code);
        assertTrue(code.contains("var ha: array<f32, WIDEST>;"), code);
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
        assertTrue(shader(sizes, Activation.RELU, GpuSolver.EULER).contains("max(v, 0.0)"));
        assertTrue(shader(sizes, Activation.TANH, GpuSolver.EULER).contains("tanh(clamp(v, -20.0, 20.0))"));
        String gelu = shader(sizes, Activation.GELU, GpuSolver.EULER);
        assertTrue(gelu.contains("fn erf(v: f32)") && gelu.contains("1.061405429"), gelu);
    }

    @Test
    void wideNetworksKeepActivationsInAStorageScratchBuffer() {
        int[] sizes = {3, 1024, 1024, 2};
        assertTrue(SamplerShader.usesScratch(sizes));
        String code = shader(sizes, Activation.ELU, GpuSolver.EULER);
        assertTrue(code.contains("@group(0) @binding(5) var<storage, read_write> scratch: array<f32>;"), code);
        assertTrue(code.contains("scratch[base + WIDEST + j]"), code);
        assertFalse(code.contains("var ha"), code);
        assertFalse(SamplerShader.usesScratch(new int[] {3, 512, 512, 2}));
    }

    @Test
    void aSingleLinearLayerNeedsNoHiddenArrays() {
        String code = shader(new int[] {3, 2}, Activation.ELU, GpuSolver.RK4);
        assertTrue(code.contains("q.x = q.x + weights[0u] * p.x + weights[1u] * p.y;"), code);
        assertTrue(code.contains("q.y = q.y + weights[3u] * p.x + weights[4u] * p.y;"), code);
        assertFalse(code.contains("act(z)"), code);
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
        assertEquals(15 + 20 + 8, pack.weights().length);
        assertEquals(5 + 4 + 2, pack.biases().length);
        assertEquals(15, pack.weightOffset(1));
        assertEquals(35, pack.weightOffset(2));
        assertEquals(9, pack.biasOffset(2));
        assertEquals(mlp.weights()[1][7], pack.weights()[15 + 7]);
        assertEquals(mlp.biases()[2][1], pack.biases()[10]);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
