package flowplay.web.gpu;

import flowplay.core.model.Mlp;

/**
 * The MLP's weights and biases as two flat float arrays, one storage buffer each, with the offset of every layer. The
 * shader gets the offsets as constants; the layout inside a layer stays PyTorch's [out, in] row-major. Layer 0's bias
 * is packed too but unused: the stage table carries it, folded with the time features.
 */
public final class WeightPack {
    private final float[] weights;
    private final float[] biases;
    private final int[] weightOffsets;
    private final int[] biasOffsets;

    public WeightPack(Mlp mlp) {
        float[][] w = mlp.weights();
        float[][] b = mlp.biases();
        weightOffsets = new int[w.length];
        biasOffsets = new int[b.length];
        int wn = 0;
        int bn = 0;
        for (int k = 0; k < w.length; k++) {
            weightOffsets[k] = wn;
            biasOffsets[k] = bn;
            wn += w[k].length;
            bn += b[k].length;
        }
        weights = new float[wn];
        biases = new float[bn];
        for (int k = 0; k < w.length; k++) {
            System.arraycopy(w[k], 0, weights, weightOffsets[k], w[k].length);
            System.arraycopy(b[k], 0, biases, biasOffsets[k], b[k].length);
        }
    }

    public float[] weights() {
        return weights;
    }

    public float[] biases() {
        return biases;
    }

    public int weightOffset(int layer) {
        return weightOffsets[layer];
    }

    public int biasOffset(int layer) {
        return biasOffsets[layer];
    }
}
