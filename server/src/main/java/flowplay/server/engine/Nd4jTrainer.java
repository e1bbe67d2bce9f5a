package flowplay.server.engine;

import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The MLP training step on ND4J, written by hand: forward, backward and Adam on arrays allocated once.
 * Per-op overhead dominates nets this small, so every op writes into a preallocated array ({@code Nd4j.gemm} with an
 * output, in-place element ops), and all parameters live in one flat buffer so that Adam is a single native op.
 * Weights are kept as [out, in] row-major, PyTorch's layout, so a snapshot is a plain copy. Not thread-safe: one
 * trainer belongs to one training thread.
 */
public final class Nd4jTrainer extends BackpropTrainer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final int[] sizes;
    private final int layers;
    private final int batch;
    private final Activation activation;
    private final Nd4jActivation act;

    private final INDArray params;
    private final INDArray grads;
    private final INDArray adamM;
    private final INDArray adamV;
    /** The moving average of params and a buffer for its update; null until the first {@link #updateEma}. */
    private INDArray ema;
    private INDArray emaScratch;
    /** √w per row, so that scaling the residual by it twice gives w·diff and once gives the weighted loss. */
    private final INDArray sqrtWeights;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] dw;
    private final INDArray[] db;

    private final INDArray input;
    private final INDArray target;
    private final INDArray ones;
    /** z[k]: layer k before its activation (the last one is the output); a[k] = f(z[k]) for hidden layers. */
    private final INDArray[] z;
    private final INDArray[] a;
    /** delta[k] = ∂loss/∂z[k]. */
    private final INDArray[] delta;
    private final INDArray[] scratch;
    private final INDArray[] scratch2;

    private int iteration;

    /** A trainer that starts from {@code init} (normally {@code Mlp.init(sizes, activation, new Rng(seed))}). */
    public Nd4jTrainer(Mlp init, int batch) {
        Nd4jRuntime.ensureReady();
        this.sizes = init.sizes();
        this.layers = init.layers();
        this.batch = batch;
        this.activation = init.activation();
        this.act = new Nd4jActivation(activation);

        long count = 0;
        for (int k = 0; k < layers; k++) {
            count += (long) sizes[k + 1] * sizes[k] + sizes[k + 1];
        }
        params = Nd4j.zeros(DataType.FLOAT, count);
        grads = Nd4j.zeros(DataType.FLOAT, count);
        adamM = Nd4j.zeros(DataType.FLOAT, count);
        adamV = Nd4j.zeros(DataType.FLOAT, count);
        w = new INDArray[layers];
        b = new INDArray[layers];
        dw = new INDArray[layers];
        db = new INDArray[layers];
        float[] flat = new float[(int) count];
        long offset = 0;
        for (int k = 0; k < layers; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            System.arraycopy(init.weights()[k], 0, flat, (int) offset, out * in);
            w[k] = view(params, offset, out, in);
            dw[k] = view(grads, offset, out, in);
            offset += (long) out * in;
            System.arraycopy(init.biases()[k], 0, flat, (int) offset, out);
            b[k] = view(params, offset, 1, out);
            db[k] = view(grads, offset, 1, out);
            offset += out;
        }
        params.data().setData(flat);

        input = Nd4j.zeros(DataType.FLOAT, batch, sizes[0]);
        target = Nd4j.zeros(DataType.FLOAT, batch, sizes[layers]);
        ones = Nd4j.ones(DataType.FLOAT, 1, batch);
        sqrtWeights = Nd4j.zeros(DataType.FLOAT, batch, 1);
        z = new INDArray[layers];
        a = new INDArray[layers];
        delta = new INDArray[layers];
        scratch = new INDArray[layers];
        scratch2 = new INDArray[layers];
        for (int k = 0; k < layers; k++) {
            z[k] = Nd4j.zeros(DataType.FLOAT, batch, sizes[k + 1]);
            delta[k] = Nd4j.zeros(DataType.FLOAT, batch, sizes[k + 1]);
            if (k < layers - 1) {
                a[k] = Nd4j.zeros(DataType.FLOAT, batch, sizes[k + 1]);
                scratch[k] = Nd4j.zeros(DataType.FLOAT, batch, sizes[k + 1]);
                scratch2[k] = Nd4j.zeros(DataType.FLOAT, batch, sizes[k + 1]);
            }
        }
    }

    /** A [rows, cols] row-major window onto a flat buffer, sharing its memory (gemm writes straight into it). */
    private static INDArray view(INDArray flat, long offset, int rows, int cols) {
        return Nd4j.create(flat.data(), new long[] {rows, cols}, new long[] {cols, 1}, offset, 'c');
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    float gradient(float[] inputRows, float[] targetRows, float[] weights) {
        if (inputRows.length != batch * sizes[0] || targetRows.length != batch * sizes[layers] || weights != null && weights.length != batch) {
            throw new IllegalArgumentException("expected " + batch + " rows of " + sizes[0] + " inputs, " + sizes[layers] + " targets and 1 weight");
        }
        input.data().setData(inputRows);
        target.data().setData(targetRows);
        forward();
        int last = layers - 1;
        INDArray out = z[last];
        double scale = 1.0 / ((double) batch * sizes[layers]);
        INDArray d = delta[last].assign(out).subi(target);
        if (weights != null) {
            float[] root = new float[batch];
            for (int i = 0; i < batch; i++) {
                root[i] = (float) Math.sqrt(weights[i]);
            }
            sqrtWeights.data().setData(root);
            d.muliColumnVector(sqrtWeights);
        }
        double norm = d.norm2Number().doubleValue();
        float loss = (float) (norm * norm * scale);
        if (weights != null) {
            d.muliColumnVector(sqrtWeights);
        }
        d.muli(2.0 * scale);
        backward();
        return loss;
    }

    private void forward() {
        INDArray src = input;
        for (int k = 0; k < layers; k++) {
            Nd4j.gemm(src, w[k], z[k], false, true, 1.0, 0.0);
            z[k].addiRowVector(b[k]);
            if (k < layers - 1) {
                act.forward(z[k], a[k], scratch[k]);
                src = a[k];
            }
        }
    }

    private void backward() {
        for (int k = layers - 1; k >= 0; k--) {
            INDArray prev = k == 0 ? input : a[k - 1];
            Nd4j.gemm(delta[k], prev, dw[k], true, false, 1.0, 0.0);
            Nd4j.gemm(ones, delta[k], db[k], false, false, 1.0, 0.0);
            if (k > 0) {
                // delta[k-1] = (delta[k] · W_k) ⊙ f'(z[k-1]); scratch[k-1] is free again after the forward pass.
                Nd4j.gemm(delta[k], w[k], delta[k - 1], false, false, 1.0, 0.0);
                INDArray deriv = scratch[k - 1];
                act.derivative(z[k - 1], a[k - 1], deriv, scratch2[k - 1]);
                delta[k - 1].muli(deriv);
            }
        }
    }

    /**
     * torch.optim.Adam with ND4J's fused updater. ND4J computes lr·√(1−β2ᵗ)/(1−β1ᵗ)·m/(√v + ε) while PyTorch divides
     * by (√v/√(1−β2ᵗ) + ε); passing ε·√(1−β2ᵗ) makes the two identical. The gradient buffer receives the update.
     */
    @Override
    void applyAdam(double lr) {
        iteration++;
        double epsilon = EPSILON * Math.sqrt(1.0 - Math.pow(BETA2, iteration));
        Nd4j.exec(new AdamUpdater(grads, adamV, adamM, lr, BETA1, BETA2, epsilon, iteration - 1));
        params.subi(grads);
    }

    @Override
    public void updateEma(double decay) {
        if (ema == null) {
            ema = params.dup();
            emaScratch = params.dup();
        }
        ema.muli(decay).addi(emaScratch.assign(params).muli(1.0 - decay));
    }

    @Override
    public Mlp emaSnapshot() {
        return toMlp((ema == null ? params : ema).data().asFloat());
    }

    /** The network's output for one batch with the current weights; for tests. */
    float[] predict(float[] inputRows) {
        input.data().setData(inputRows);
        forward();
        return z[layers - 1].data().asFloat();
    }

    @Override
    Mlp gradientSnapshot() {
        return toMlp(grads.data().asFloat());
    }

    @Override
    public Mlp snapshot() {
        return toMlp(params.data().asFloat());
    }

    private Mlp toMlp(float[] flat) {
        float[][] weights = new float[layers][];
        float[][] biases = new float[layers][];
        int offset = 0;
        for (int k = 0; k < layers; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            weights[k] = new float[out * in];
            System.arraycopy(flat, offset, weights[k], 0, out * in);
            offset += out * in;
            biases[k] = new float[out];
            System.arraycopy(flat, offset, biases[k], 0, out);
            offset += out;
        }
        return new Mlp(sizes, weights, biases, activation);
    }
}
