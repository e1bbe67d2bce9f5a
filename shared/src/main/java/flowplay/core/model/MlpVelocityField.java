package flowplay.core.model;

/** A network that predicts the velocity directly from concat(x, t), the seed's parameterisation. */
public final class MlpVelocityField implements VelocityField {
    private final Mlp mlp;
    private final int dim;
    private float[] input = new float[0];

    public MlpVelocityField(Mlp mlp) {
        if (mlp.inputSize() != mlp.outputSize() + 1) {
            throw new IllegalArgumentException("a velocity network maps concat(x, t) to x: input size must be output size + 1, was "
                    + mlp.inputSize() + " → " + mlp.outputSize());
        }
        this.mlp = mlp;
        this.dim = mlp.outputSize();
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void velocity(float[] x, float t, int n, float[] out) {
        int width = dim + 1;
        if (input.length < n * width) {
            input = new float[n * width];
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * dim, input, i * width, dim);
            input[i * width + dim] = t;
        }
        mlp.forward(input, n, out);
    }
}
