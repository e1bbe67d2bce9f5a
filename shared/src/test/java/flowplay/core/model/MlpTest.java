package flowplay.core.model;

import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MlpTest {
    @Test
    void forwardMatchesAHandComputation() {
        // 2 → 2 (relu) → 1, weights in the [out, in] layout.
        Mlp mlp = new Mlp(new int[] {2, 2, 1},
                new float[][] {{1f, 2f, -1f, 1f}, {3f, -1f}},
                new float[][] {{0.5f, 0f}, {0.25f}},
                Activation.RELU);
        float[] out = new float[2];
        mlp.forward(new float[] {1f, 1f, 2f, -3f}, 2, out);
        // row 0: h = relu(1+2+0.5, -1+1+0) = (3.5, 0) → 3·3.5 + 0.25 = 10.75
        // row 1: h = relu(2−6+0.5, −2−3) = (0, 0) → 0.25
        assertArrayEquals(new float[] {10.75f, 0.25f}, out, 1e-6f);
    }

    @Test
    void blockedForwardIsBitIdenticalToThePlainLoop() {
        // Odd widths and row counts exercise the blocks of four rows, the output pairs and both remainders.
        for (Activation act : Activation.values()) {
            for (int n : new int[] {1, 3, 4, 7, 9}) {
                Mlp mlp = Mlp.init(new int[] {3, 5, 8, 3}, act, new Rng(n));
                float[] in = new float[n * 3];
                new Rng(100 + n).fillGaussian(in, 0, in.length);
                float[] out = new float[n * 3];
                mlp.forward(in, n, out);
                assertArrayEquals(plainForward(mlp, in, n), out, 0f, act + " n=" + n);
            }
        }
    }

    private static float[] plainForward(Mlp mlp, float[] in, int n) {
        int[] sizes = mlp.sizes();
        float[] src = in;
        for (int k = 0; k < mlp.layers(); k++) {
            float[] dst = new float[n * sizes[k + 1]];
            for (int row = 0; row < n; row++) {
                for (int j = 0; j < sizes[k + 1]; j++) {
                    float acc = mlp.biases()[k][j];
                    for (int i = 0; i < sizes[k]; i++) {
                        acc += mlp.weights()[k][j * sizes[k] + i] * src[row * sizes[k] + i];
                    }
                    dst[row * sizes[k + 1] + j] = k < mlp.layers() - 1 ? mlp.activation().apply(acc) : acc;
                }
            }
            src = dst;
        }
        return src;
    }

    @Test
    void activationsFollowThePyTorchDefinitions() {
        assertEquals(Math.exp(-1) - 1, Activation.ELU.apply(-1f), 1e-7);
        assertEquals(2f, Activation.ELU.apply(2f));
        assertEquals(1 / (1 + Math.exp(-1)), Activation.SILU.apply(1f), 1e-7);
        assertEquals(Math.tanh(0.3), Activation.TANH.apply(0.3f), 1e-7);
        // torch.nn.functional.gelu(torch.tensor([1., -1., 0.5])) (exact, erf-based)
        assertEquals(0.8413447, Activation.GELU.apply(1f), 1e-6);
        assertEquals(-0.1586553, Activation.GELU.apply(-1f), 1e-6);
        assertEquals(0.3457312, Activation.GELU.apply(0.5f), 1e-6);
        assertEquals(Activation.SILU, Activation.parse("silu"));
        assertThrows(IllegalArgumentException.class, () -> Activation.parse("swish"));
    }

    @Test
    void initFollowsPyTorchBoundsAndIsReproducible() {
        int[] sizes = {3, 64, 64, 64, 2};
        Mlp a = Mlp.init(sizes, Activation.ELU, new Rng(5));
        Mlp b = Mlp.init(sizes, Activation.ELU, new Rng(5));
        for (int k = 0; k < a.layers(); k++) {
            assertArrayEquals(a.weights()[k], b.weights()[k]);
            double bound = 1 / Math.sqrt(sizes[k]);
            for (float w : a.weights()[k]) {
                assertEquals(0, w, bound);
            }
        }
    }

    @Test
    void rejectsWeightsThatDoNotMatchTheSizes() {
        assertThrows(IllegalArgumentException.class,
                () -> new Mlp(new int[] {2, 3}, new float[][] {new float[5]}, new float[][] {new float[3]}, Activation.ELU));
    }
}
