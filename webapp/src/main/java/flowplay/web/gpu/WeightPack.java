package flowplay.web.gpu;

import flowplay.core.model.Mlp;

/**
 * The MLP's weights and biases in the vec4 layout the shader reads, one storage buffer each (offsets in vec4 units,
 * baked into the shader as constants). Four units of a layer are computed together and every row is a run of vec4
 * dot products, which cuts the loads per multiply-add by four — on SwiftShader, where each load is a per-lane gather,
 * that is most of the time. Padding is zeros: a padded unit has zero weights and bias, and every activation here maps
 * 0 to 0, so padding never changes a value.
 *
 * <p>Layout: layer 0 as two blocks of ⌈H1/4⌉ vec4s, the x column and the y column of W1 (the other columns are folded
 * into the stage table's bias); then each later layer row by row, each row ⌈in/4⌉ vec4s, ⌈out/4⌉·4 rows (the output
 * layer: 2 rows). Biases: each later layer's, ⌈out/4⌉ vec4s.
 */
public final class WeightPack {
    private final float[] weights;
    private final float[] biases;
    private final int[] weightOffsets;
    private final int[] biasOffsets;

    public WeightPack(Mlp mlp) {
        int[] sizes = mlp.sizes();
        int layers = sizes.length - 1;
        float[][] w = mlp.weights();
        float[][] b = mlp.biases();
        weightOffsets = new int[layers];
        biasOffsets = new int[layers];
        int wn = 2 * groups(sizes[1]);
        int bn = 0;
        for (int k = 1; k < layers; k++) {
            weightOffsets[k] = wn;
            biasOffsets[k] = bn;
            wn += rows(sizes, k) * groups(sizes[k]);
            bn += groups(sizes[k + 1]);
        }
        weights = new float[4 * wn];
        biases = new float[4 * bn];
        int in0 = sizes[0];
        int firstGroups = groups(sizes[1]);
        for (int j = 0; j < sizes[1]; j++) {
            weights[j] = w[0][j * in0];
            weights[4 * firstGroups + j] = w[0][j * in0 + 1];
        }
        for (int k = 1; k < layers; k++) {
            int in = sizes[k];
            int rowFloats = 4 * groups(in);
            for (int j = 0; j < sizes[k + 1]; j++) {
                System.arraycopy(w[k], j * in, weights, 4 * weightOffsets[k] + j * rowFloats, in);
            }
            System.arraycopy(b[k], 0, biases, 4 * biasOffsets[k], sizes[k + 1]);
        }
    }

    /** vec4s that hold n values. */
    public static int groups(int n) {
        return (n + 3) / 4;
    }

    /** Rows stored for layer k ≥ 1: its units padded to a multiple of 4, the output layer's 2 as they are. */
    private static int rows(int[] sizes, int k) {
        return k == sizes.length - 2 ? sizes[k + 1] : 4 * groups(sizes[k + 1]);
    }

    public float[] weights() {
        return weights;
    }

    public float[] biases() {
        return biases;
    }

    /** Offset of layer k's weights in vec4s (layer 0: its x column; its y column follows ⌈H1/4⌉ later). */
    public int weightOffset(int layer) {
        return weightOffsets[layer];
    }

    /** Offset of layer k's biases in vec4s (k ≥ 1). */
    public int biasOffset(int layer) {
        return biasOffsets[layer];
    }
}
