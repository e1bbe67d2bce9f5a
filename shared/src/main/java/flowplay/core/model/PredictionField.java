package flowplay.core.model;

import flowplay.core.path.AffinePath;
import flowplay.core.path.Conversion;
import flowplay.core.prediction.Prediction;

/**
 * A network on concat(x, t) that outputs some {@link Prediction}, seen as a velocity field (and score and divergence)
 * through the path's conversions. Since every conversion is u = c_x·x + c_q·q(x), the divergence is
 * c_x·dim + c_q·tr(∂q/∂x) and the JVP c_x·e + c_q·(∂q/∂x)·e, both exact from the MLP's forward-mode pass.
 *
 * <p>Where a conversion is singular (e.g. x0-prediction at t=0 on condot) every method throws IllegalArgumentException;
 * samplers clip their time grid to {@link #safeTimes(double)} and report it. Not thread-safe (grown scratch buffers).
 */
public final class PredictionField implements ScoreField, DivergenceField {
    private final Mlp mlp;
    private final Prediction prediction;
    private final AffinePath path;
    private final int dim;
    private float[] input = new float[0];
    private float[] raw = new float[0];
    private float[] tangent = new float[0];
    private float[] jacobian = new float[0];

    public PredictionField(Mlp mlp, Prediction prediction, AffinePath path) {
        if (mlp.inputSize() != mlp.outputSize() + 1) {
            throw new IllegalArgumentException("a prediction network maps concat(x, t) to R^dim: input size must be output size + 1, was "
                    + mlp.inputSize() + " → " + mlp.outputSize());
        }
        this.mlp = mlp;
        this.prediction = prediction;
        this.path = path;
        this.dim = mlp.outputSize();
    }

    public Mlp mlp() {
        return mlp;
    }

    public Prediction prediction() {
        return prediction;
    }

    public AffinePath path() {
        return path;
    }

    @Override
    public int dim() {
        return dim;
    }

    /** The time interval where both the velocity and the score of this field are finite, clipped by eps. */
    public double[] safeTimes(double eps) {
        double[] v = path.safeTimes(prediction, Prediction.VELOCITY, eps);
        double[] s = path.safeTimes(prediction, Prediction.SCORE, eps);
        return new double[] {Math.max(v[0], s[0]), Math.min(v[1], s[1])};
    }

    /** The raw network output (the prediction itself) for n points at time t. */
    public void predict(float[] x, float t, int n, float[] out) {
        mlp.forward(inputs(x, t, n), n, out);
    }

    @Override
    public void velocity(float[] x, float t, int n, float[] out) {
        as(Prediction.VELOCITY, x, t, n, out);
    }

    @Override
    public void score(float[] x, float t, int n, float[] out) {
        as(Prediction.SCORE, x, t, n, out);
    }

    @Override
    public void velocityAndDivergence(float[] x, float t, int n, float[] velocity, float[] divergence) {
        Conversion c = path.conversion(prediction, Prediction.VELOCITY, t);
        ensureRaw(n);
        if (jacobian.length < n * dim * dim) {
            jacobian = new float[n * dim * dim];
        }
        mlp.jacobian(inputs(x, t, n), n, dim, raw, jacobian);
        for (int i = 0; i < n; i++) {
            double trace = 0;
            for (int k = 0; k < dim; k++) {
                trace += jacobian[(i * dim + k) * dim + k];
            }
            divergence[i] = (float) (c.xCoefficient() * dim + c.predictionCoefficient() * trace);
        }
        combine(c, x, raw, n * dim, velocity);
    }

    @Override
    public void velocityAndJvp(float[] x, float t, int n, float[] e, float[] velocity, float[] jvp) {
        Conversion c = path.conversion(prediction, Prediction.VELOCITY, t);
        ensureRaw(n);
        int width = dim + 1;
        if (tangent.length < n * width) {
            tangent = new float[n * width];
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(e, i * dim, tangent, i * width, dim);
            tangent[i * width + dim] = 0f; // t is not a direction of the divergence
        }
        mlp.jacobianVectorProduct(inputs(x, t, n), tangent, n, raw, jvp);
        combine(c, e, jvp, n * dim, jvp);
        combine(c, x, raw, n * dim, velocity);
    }

    private void as(Prediction target, float[] x, float t, int n, float[] out) {
        Conversion c = path.conversion(prediction, target, t);
        ensureRaw(n);
        mlp.forward(inputs(x, t, n), n, raw);
        combine(c, x, raw, n * dim, out);
    }

    private static void combine(Conversion c, float[] x, float[] q, int count, float[] out) {
        float cx = (float) c.xCoefficient();
        float cq = (float) c.predictionCoefficient();
        for (int j = 0; j < count; j++) {
            out[j] = cx * x[j] + cq * q[j];
        }
    }

    private void ensureRaw(int n) {
        if (raw.length < n * dim) {
            raw = new float[n * dim];
        }
    }

    private float[] inputs(float[] x, float t, int n) {
        int width = dim + 1;
        if (input.length < n * width) {
            input = new float[n * width];
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * dim, input, i * width, dim);
            input[i * width + dim] = t;
        }
        return input;
    }
}
