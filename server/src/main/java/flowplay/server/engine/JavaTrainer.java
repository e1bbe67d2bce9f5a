package flowplay.server.engine;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;

/**
 * The MLP training step in plain Java: forward, backward and Adam fused over flat float arrays allocated once, so a
 * step allocates nothing. Parameters live in one flat buffer in PyTorch's layout (per layer W [out, in] then b), as in
 * {@link Nd4jTrainer}, so Adam is one loop and a snapshot a copy. The forward pass reads transposed copies Wᵀ [in, out]
 * (refreshed after each update), so that every matmul streams a contiguous row of its right-hand matrix:
 * z = a·Wᵀ + b, δ_prev = δ·W, dW = δᵀ·a_prev. Not thread-safe: one trainer belongs to one training thread.
 */
public final class JavaTrainer extends BackpropTrainer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final Kernels kernels;
    private final int[] sizes;
    private final int layers;
    private final int batch;
    private final Activation activation;

    private final float[] params;
    private final float[] grads;
    private final float[] adamM;
    private final float[] adamV;
    /** The moving average of params; null until the first {@link #updateEma}. */
    private float[] ema;
    /** Offsets of W_k and b_k in the flat buffers. */
    private final int[] wOff;
    private final int[] bOff;
    /** Wᵀ_k, [in, out] row-major. */
    private final float[][] wt;
    private final float[][] z;
    private final float[][] a;
    private final float[][] delta;

    private int iteration;

    /** A trainer that starts from {@code init}, on the best kernels of this JVM. */
    public JavaTrainer(Mlp init, int batch) {
        this(init, batch, Kernels.best());
    }

    JavaTrainer(Mlp init, int batch, Kernels kernels) {
        this.kernels = kernels;
        this.sizes = init.sizes();
        this.layers = init.layers();
        this.batch = batch;
        this.activation = init.activation();
        wOff = new int[layers];
        bOff = new int[layers];
        int count = 0;
        for (int k = 0; k < layers; k++) {
            wOff[k] = count;
            count += sizes[k + 1] * sizes[k];
            bOff[k] = count;
            count += sizes[k + 1];
        }
        params = new float[count];
        grads = new float[count];
        adamM = new float[count];
        adamV = new float[count];
        wt = new float[layers][];
        z = new float[layers][];
        a = new float[layers][];
        delta = new float[layers][];
        for (int k = 0; k < layers; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            System.arraycopy(init.weights()[k], 0, params, wOff[k], out * in);
            System.arraycopy(init.biases()[k], 0, params, bOff[k], out);
            wt[k] = new float[in * out];
            z[k] = new float[batch * out];
            delta[k] = new float[batch * out];
            if (k < layers - 1) {
                a[k] = new float[batch * out];
            }
        }
        transposeWeights();
    }

    /** The kernels in use ("vector" or "scalar"). */
    String kernel() {
        return kernels.name();
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    float gradient(float[] input, float[] target, float[] weights) {
        int outDim = sizes[layers];
        if (input.length != batch * sizes[0] || target.length != batch * outDim || weights != null && weights.length != batch) {
            throw new IllegalArgumentException("expected " + batch + " rows of " + sizes[0] + " inputs, " + outDim + " targets and 1 weight");
        }
        forward(input);
        int last = layers - 1;
        float[] out = z[last];
        float[] d = delta[last];
        double scale = 1.0 / ((double) batch * outDim);
        float twoScale = (float) (2.0 * scale);
        double sum = 0;
        if (weights == null) {
            for (int i = 0; i < batch * outDim; i++) {
                float diff = out[i] - target[i];
                sum += (double) diff * diff;
                d[i] = diff * twoScale;
            }
        } else {
            for (int r = 0; r < batch; r++) {
                float w = weights[r];
                double rowSum = 0;
                for (int i = r * outDim; i < (r + 1) * outDim; i++) {
                    float diff = out[i] - target[i];
                    rowSum += (double) diff * diff;
                    d[i] = diff * (twoScale * w);
                }
                sum += w * rowSum;
            }
        }
        backward(input);
        return (float) (sum * scale);
    }

    private void forward(float[] input) {
        float[] src = input;
        for (int k = 0; k < layers; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            kernels.matmul(batch, in, out, src, 0, in, 1, wt[k], 0, params, bOff[k], z[k], 0);
            if (k < layers - 1) {
                kernels.activate(activation, z[k], a[k], batch * out);
                src = a[k];
            }
        }
    }

    private void backward(float[] input) {
        for (int k = layers - 1; k >= 0; k--) {
            int in = sizes[k];
            int out = sizes[k + 1];
            float[] prev = k == 0 ? input : a[k - 1];
            // dW[out, in] = δᵀ·prev: A(r, i) = δ[i·out + r].
            kernels.matmul(out, batch, in, delta[k], 0, 1, out, prev, 0, null, 0, grads, wOff[k]);
            kernels.columnSums(delta[k], batch, out, grads, bOff[k]);
            if (k > 0) {
                kernels.matmul(batch, out, in, delta[k], 0, out, 1, params, wOff[k], null, 0, delta[k - 1], 0);
                kernels.backActivate(activation, z[k - 1], a[k - 1], delta[k - 1], batch * in);
            }
        }
    }

    /** torch.optim.Adam's bias-corrected step on the whole flat buffer, then Wᵀ refreshed. */
    @Override
    void applyAdam(double lr) {
        iteration++;
        double bc1 = 1.0 - Math.pow(BETA1, iteration);
        double bc2 = 1.0 - Math.pow(BETA2, iteration);
        kernels.adam(params, grads, adamM, adamV, params.length, BETA1, BETA2, (float) (lr / bc1), (float) Math.sqrt(bc2), EPSILON);
        transposeWeights();
    }

    @Override
    public void updateEma(double decay) {
        if (ema == null) {
            ema = params.clone();
        }
        float keep = (float) decay;
        float take = (float) (1.0 - decay);
        for (int i = 0; i < params.length; i++) {
            ema[i] = keep * ema[i] + take * params[i];
        }
    }

    @Override
    public Mlp emaSnapshot() {
        return toMlp(ema == null ? params : ema);
    }

    private void transposeWeights() {
        for (int k = 0; k < layers; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            float[] t = wt[k];
            int w = wOff[k];
            // Blocked so that both the read and the write stay within a few cache lines per tile.
            for (int j0 = 0; j0 < out; j0 += 16) {
                int j1 = Math.min(out, j0 + 16);
                for (int i = 0; i < in; i++) {
                    for (int j = j0; j < j1; j++) {
                        t[i * out + j] = params[w + j * in + i];
                    }
                }
            }
        }
    }

    /** The network's output for one batch with the current weights; for tests. */
    float[] predict(float[] input) {
        forward(input);
        return z[layers - 1].clone();
    }

    @Override
    Mlp gradientSnapshot() {
        return toMlp(grads);
    }

    @Override
    public Mlp snapshot() {
        return toMlp(params);
    }

    private Mlp toMlp(float[] flat) {
        float[][] weights = new float[layers][];
        float[][] biases = new float[layers][];
        for (int k = 0; k < layers; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            weights[k] = new float[out * in];
            System.arraycopy(flat, wOff[k], weights[k], 0, out * in);
            biases[k] = new float[out];
            System.arraycopy(flat, bOff[k], biases[k], 0, out);
        }
        return new Mlp(sizes, weights, biases, activation);
    }
}
