package flowplay.core.model;

import flowplay.core.rng.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MlpJacobianTest {
    private static final int[] SIZES = {4, 16, 16, 3};

    /** Central differences of the (float) forward pass in each input, against the forward-mode Jacobian. */
    @Test
    void jacobianMatchesCentralFiniteDifferencesForEveryActivation() {
        for (Activation activation : Activation.values()) {
            Rng rng = new Rng(31);
            Mlp mlp = Mlp.init(SIZES, activation, rng);
            int n = 8;
            int inputs = 3; // the x part of concat(x, t)
            float[] in = new float[n * 4];
            rng.fillGaussian(in, 0, in.length);
            float[] out = new float[n * 3];
            float[] jac = new float[n * inputs * 3];
            mlp.jacobian(in, n, inputs, out, jac);
            float[] plain = new float[n * 3];
            mlp.forward(in, n, plain);
            assertArrayEquals(plain, out, 0f);
            float h = 1e-2f;
            for (int k = 0; k < inputs; k++) {
                float[] plus = in.clone();
                float[] minus = in.clone();
                for (int i = 0; i < n; i++) {
                    plus[i * 4 + k] += h;
                    minus[i * 4 + k] -= h;
                }
                float[] fp = new float[n * 3];
                float[] fm = new float[n * 3];
                mlp.forward(plus, n, fp);
                mlp.forward(minus, n, fm);
                for (int i = 0; i < n; i++) {
                    double step = plus[i * 4 + k] - minus[i * 4 + k];
                    for (int o = 0; o < 3; o++) {
                        double fd = (fp[i * 3 + o] - fm[i * 3 + o]) / step;
                        // ReLU's kink can fall inside the difference; everything else is smooth to O(h²)
                        double tol = activation == Activation.RELU ? 2e-2 : 2e-3;
                        assertEquals(fd, jac[(i * inputs + k) * 3 + o], tol, activation + " ∂out" + o + "/∂in" + k + " row " + i);
                    }
                }
            }
        }
    }

    @Test
    void jvpIsTheJacobianTimesTheTangent() {
        for (Activation activation : Activation.values()) {
            Rng rng = new Rng(32);
            Mlp mlp = Mlp.init(SIZES, activation, rng);
            int n = 5;
            float[] in = new float[n * 4];
            float[] tangent = new float[n * 4];
            rng.fillGaussian(in, 0, in.length);
            rng.fillGaussian(tangent, 0, tangent.length);
            float[] out = new float[n * 3];
            float[] jvp = new float[n * 3];
            mlp.jacobianVectorProduct(in, tangent, n, out, jvp);
            float[] jac = new float[n * 4 * 3];
            mlp.jacobian(in, n, 4, new float[n * 3], jac);
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < 3; o++) {
                    double expected = 0;
                    for (int k = 0; k < 4; k++) {
                        expected += jac[(i * 4 + k) * 3 + o] * tangent[i * 4 + k];
                    }
                    assertEquals(expected, jvp[i * 3 + o], 1e-5 * Math.max(1, Math.abs(expected)), activation.id());
                }
            }
        }
    }

    @Test
    void derivativesOfActivationsMatchFiniteDifferences() {
        for (Activation activation : Activation.values()) {
            for (double x = -3.05; x < 3; x += 0.1) {
                double h = 1e-3;
                double fd = (activation.apply((float) (x + h)) - activation.apply((float) (x - h))) / (2 * h);
                assertEquals(fd, activation.derivative((float) x), 2e-3, activation + " at " + x);
            }
        }
    }
}
