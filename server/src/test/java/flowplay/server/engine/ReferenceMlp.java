package flowplay.server.engine;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;

/** A double-precision MLP loss, written independently of both engines, to check gradients by finite differences. */
final class ReferenceMlp {
    private ReferenceMlp() {
    }

    /** Mean squared error of {@code mlp} on the batch, all in double; params given flat as weights then bias per layer. */
    /** mean_i w_i·|f(input_i) − target_i|² / dim, with w_i = 1 when {@code weights} is null. */
    static double loss(int[] sizes, double[] params, Activation activation, float[] input, float[] target, float[] weights, int n) {
        int layers = sizes.length - 1;
        double sum = 0;
        for (int row = 0; row < n; row++) {
            double[] x = new double[sizes[0]];
            for (int i = 0; i < sizes[0]; i++) {
                x[i] = input[row * sizes[0] + i];
            }
            int offset = 0;
            for (int k = 0; k < layers; k++) {
                int in = sizes[k];
                int out = sizes[k + 1];
                double[] y = new double[out];
                for (int j = 0; j < out; j++) {
                    double acc = params[offset + out * in + j];
                    for (int i = 0; i < in; i++) {
                        acc += params[offset + j * in + i] * x[i];
                    }
                    y[j] = k < layers - 1 ? apply(activation, acc) : acc;
                }
                offset += out * in + out;
                x = y;
            }
            int dim = sizes[layers];
            double w = weights == null ? 1.0 : weights[row];
            for (int j = 0; j < dim; j++) {
                double d = x[j] - target[row * dim + j];
                sum += w * d * d;
            }
        }
        return sum / ((double) n * sizes[layers]);
    }

    static double[] flatten(Mlp mlp) {
        int total = 0;
        for (int k = 0; k < mlp.layers(); k++) {
            total += mlp.weights()[k].length + mlp.biases()[k].length;
        }
        double[] flat = new double[total];
        int o = 0;
        for (int k = 0; k < mlp.layers(); k++) {
            for (float v : mlp.weights()[k]) {
                flat[o++] = v;
            }
            for (float v : mlp.biases()[k]) {
                flat[o++] = v;
            }
        }
        return flat;
    }

    static double apply(Activation a, double x) {
        switch (a) {
            case ELU:
                return x > 0 ? x : Math.expm1(x);
            case SILU:
                return x / (1 + Math.exp(-x));
            case RELU:
                return Math.max(0, x);
            case TANH:
                return Math.tanh(x);
            case GELU:
                return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
            default:
                throw new IllegalStateException();
        }
    }

    /** erf by its Taylor series: exact to double precision for the |x| < 3 seen here, and independent of shared's. */
    static double erf(double x) {
        if (Math.abs(x) > 3) {
            return Math.signum(x);
        }
        double term = x;
        double sum = x;
        for (int k = 1; k < 80; k++) {
            term *= -x * x / k;
            sum += term / (2 * k + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
