package flowplay.core.model;

import flowplay.core.rng.Rng;

import java.util.Arrays;

/**
 * A multilayer perceptron on flat float arrays. Layer k maps sizes[k] to sizes[k+1] with a weight matrix stored
 * row-major as [out, in], the PyTorch {@code nn.Linear} layout, so checkpoints need no transposition on either side.
 * The activation sits between layers and not after the last one. Not thread-safe: forward reuses scratch buffers,
 * because the browser redraws thousands of points many times a second and must not allocate per call.
 */
public final class Mlp {
    private final int[] sizes;
    private final float[][] weights;
    private final float[][] biases;
    private final Activation activation;
    private float[] scratchA = new float[0];
    private float[] scratchB = new float[0];
    private float[] tangentA = new float[0];
    private float[] tangentB = new float[0];
    private float[] unitTangents = new float[0];

    public Mlp(int[] sizes, float[][] weights, float[][] biases, Activation activation) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        }
        if (weights.length != sizes.length - 1 || biases.length != sizes.length - 1) {
            throw new IllegalArgumentException("expected " + (sizes.length - 1) + " layers of weights and biases");
        }
        for (int k = 0; k < weights.length; k++) {
            if (sizes[k] < 1 || sizes[k + 1] < 1) {
                throw new IllegalArgumentException("layer sizes must be positive");
            }
            if (weights[k].length != sizes[k + 1] * sizes[k]) {
                throw new IllegalArgumentException("layer " + k + " weight has " + weights[k].length + " values, expected "
                        + sizes[k + 1] + "×" + sizes[k]);
            }
            if (biases[k].length != sizes[k + 1]) {
                throw new IllegalArgumentException("layer " + k + " bias has " + biases[k].length + " values, expected " + sizes[k + 1]);
            }
        }
        this.sizes = sizes.clone();
        this.weights = weights;
        this.biases = biases;
        this.activation = activation;
    }

    /** PyTorch's default {@code nn.Linear} initialisation: weights and biases uniform in ±1/√fan_in. */
    public static Mlp init(int[] sizes, Activation activation, Rng rng) {
        float[][] w = new float[sizes.length - 1][];
        float[][] b = new float[sizes.length - 1][];
        for (int k = 0; k < sizes.length - 1; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            double bound = 1.0 / Math.sqrt(in);
            w[k] = new float[out * in];
            b[k] = new float[out];
            for (int i = 0; i < w[k].length; i++) {
                w[k][i] = (float) ((2.0 * rng.nextDouble() - 1.0) * bound);
            }
            for (int i = 0; i < out; i++) {
                b[k][i] = (float) ((2.0 * rng.nextDouble() - 1.0) * bound);
            }
        }
        return new Mlp(sizes, w, b, activation);
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    public int layers() {
        return weights.length;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public float[][] weights() {
        return weights;
    }

    public float[][] biases() {
        return biases;
    }

    public Activation activation() {
        return activation;
    }

    /** Evaluates n rows of {@code in} (row-major n×inputSize) into {@code out} (n×outputSize). */
    public void forward(float[] in, int n, float[] out) {
        int widest = 0;
        for (int s : sizes) {
            widest = Math.max(widest, s);
        }
        if (scratchA.length < n * widest) {
            scratchA = new float[n * widest];
            scratchB = new float[n * widest];
        }
        float[] src = in;
        for (int k = 0; k < weights.length; k++) {
            boolean last = k == weights.length - 1;
            float[] dst = last ? out : (src == scratchA ? scratchB : scratchA);
            layer(k, src, n, dst, !last);
            src = dst;
        }
    }

    /**
     * dst = act(src·Wᵀ + b) for n rows. Blocked 4 rows × 2 outputs, so each weight read serves four rows and each input
     * read two outputs (the browser's JS and WasmGC engines do not do this for us); every output still sums
     * b + Σ_i w_i·x_i in order of i, so the values are exactly those of the plain loop.
     */
    private void layer(int k, float[] src, int n, float[] dst, boolean activate) {
        int in = sizes[k];
        int out = sizes[k + 1];
        float[] w = weights[k];
        float[] b = biases[k];
        int row = 0;
        for (; row + 4 <= n; row += 4) {
            int s0 = row * in;
            int s1 = s0 + in;
            int s2 = s1 + in;
            int s3 = s2 + in;
            int d0 = row * out;
            int d1 = d0 + out;
            int d2 = d1 + out;
            int d3 = d2 + out;
            int j = 0;
            for (; j + 2 <= out; j += 2) {
                int wa = j * in;
                int wb = wa + in;
                float a0 = b[j];
                float a1 = a0;
                float a2 = a0;
                float a3 = a0;
                float c0 = b[j + 1];
                float c1 = c0;
                float c2 = c0;
                float c3 = c0;
                for (int i = 0; i < in; i++) {
                    float u = w[wa + i];
                    float v = w[wb + i];
                    float x0 = src[s0 + i];
                    float x1 = src[s1 + i];
                    float x2 = src[s2 + i];
                    float x3 = src[s3 + i];
                    a0 += u * x0;
                    a1 += u * x1;
                    a2 += u * x2;
                    a3 += u * x3;
                    c0 += v * x0;
                    c1 += v * x1;
                    c2 += v * x2;
                    c3 += v * x3;
                }
                dst[d0 + j] = a0;
                dst[d1 + j] = a1;
                dst[d2 + j] = a2;
                dst[d3 + j] = a3;
                dst[d0 + j + 1] = c0;
                dst[d1 + j + 1] = c1;
                dst[d2 + j + 1] = c2;
                dst[d3 + j + 1] = c3;
            }
            for (; j < out; j++) {
                int wa = j * in;
                float a0 = b[j];
                float a1 = a0;
                float a2 = a0;
                float a3 = a0;
                for (int i = 0; i < in; i++) {
                    float u = w[wa + i];
                    a0 += u * src[s0 + i];
                    a1 += u * src[s1 + i];
                    a2 += u * src[s2 + i];
                    a3 += u * src[s3 + i];
                }
                dst[d0 + j] = a0;
                dst[d1 + j] = a1;
                dst[d2 + j] = a2;
                dst[d3 + j] = a3;
            }
        }
        for (; row < n; row++) {
            int so = row * in;
            int dO = row * out;
            for (int j = 0; j < out; j++) {
                float acc = b[j];
                int wo = j * in;
                for (int i = 0; i < in; i++) {
                    acc += w[wo + i] * src[so + i];
                }
                dst[dO + j] = acc;
            }
        }
        if (activate) {
            activation.applyInPlace(dst, 0, n * out);
        }
    }

    /**
     * Forward mode along one tangent per row: writes the outputs into {@code out} (n×outputSize) and (∂out/∂in)·tangent
     * into {@code tangentOut} (n×outputSize), with {@code tangent} n×inputSize. One pass costs about two forwards, which is
     * what Hutchinson's divergence estimator needs per probe vector.
     */
    public void jacobianVectorProduct(float[] in, float[] tangent, int n, float[] out, float[] tangentOut) {
        propagate(in, n, tangent, 1, out, tangentOut);
    }

    /**
     * The exact Jacobian of the outputs with respect to the first {@code inputs} inputs (e.g. the x part of concat(x, t)):
     * {@code jacobian} receives n×inputs×outputSize values, [row][k][o] = ∂out_o/∂in_k, so the trace of a square block is
     * the sum over k of [row][k][k]. Forward mode with {@code inputs} tangents at once; right for small dimensions.
     */
    public void jacobian(float[] in, int n, int inputs, float[] out, float[] jacobian) {
        if (inputs < 1 || inputs > sizes[0]) {
            throw new IllegalArgumentException("Jacobian inputs must be in [1, " + sizes[0] + "], was " + inputs);
        }
        int width = sizes[0];
        int need = n * inputs * width;
        if (unitTangents.length < need) {
            unitTangents = new float[need];
        } else {
            Arrays.fill(unitTangents, 0, need, 0f);
        }
        for (int row = 0; row < n; row++) {
            for (int k = 0; k < inputs; k++) {
                unitTangents[(row * inputs + k) * width + k] = 1f;
            }
        }
        propagate(in, n, unitTangents, inputs, out, jacobian);
    }

    /**
     * Values and m tangents per row through every layer: z = W·h + b, ż = W·ḣ; h' = act(z), ḣ' = act'(z)·ż. Tangents are
     * laid out [row][direction][unit]. The last layer has no activation.
     */
    private void propagate(float[] in, int n, float[] tangentIn, int m, float[] out, float[] tangentOut) {
        int widest = 0;
        for (int s : sizes) {
            widest = Math.max(widest, s);
        }
        if (scratchA.length < n * widest) {
            scratchA = new float[n * widest];
            scratchB = new float[n * widest];
        }
        if (tangentA.length < n * m * widest) {
            tangentA = new float[n * m * widest];
            tangentB = new float[n * m * widest];
        }
        float[] src = in;
        float[] tSrc = tangentIn;
        for (int k = 0; k < weights.length; k++) {
            boolean last = k == weights.length - 1;
            float[] dst = last ? out : (src == scratchA ? scratchB : scratchA);
            float[] tDst = last ? tangentOut : (tSrc == tangentA ? tangentB : tangentA);
            tangentLayer(k, src, tSrc, n, m, dst, tDst, !last);
            src = dst;
            tSrc = tDst;
        }
    }

    private void tangentLayer(int k, float[] src, float[] tSrc, int n, int m, float[] dst, float[] tDst, boolean activate) {
        int in = sizes[k];
        int out = sizes[k + 1];
        float[] w = weights[k];
        float[] b = biases[k];
        for (int row = 0; row < n; row++) {
            int so = row * in;
            int dO = row * out;
            for (int j = 0; j < out; j++) {
                int wo = j * in;
                float acc = b[j];
                for (int i = 0; i < in; i++) {
                    acc += w[wo + i] * src[so + i];
                }
                float slope = activate ? activation.derivative(acc) : 1f;
                dst[dO + j] = activate ? activation.apply(acc) : acc;
                for (int d = 0; d < m; d++) {
                    int to = (row * m + d) * in;
                    float tAcc = 0f;
                    for (int i = 0; i < in; i++) {
                        tAcc += w[wo + i] * tSrc[to + i];
                    }
                    tDst[(row * m + d) * out + j] = slope * tAcc;
                }
            }
        }
    }
}
