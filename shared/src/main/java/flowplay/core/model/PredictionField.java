package flowplay.core.model;

import flowplay.core.path.AffinePath;
import flowplay.core.path.Conversion;
import flowplay.core.prediction.Prediction;

/**
 * A network on concat(x, t) — or concat(x, c, t) for a network conditioned per point on c, such as the inpainting
 * mask of the dependent coupling — that outputs some {@link Prediction}, seen as a velocity field (and score and
 * divergence) through the path's conversions. Derivatives are taken in x only: c and t are not directions. Since every conversion is u = c_x·x + c_q·q(x), the divergence is
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
    private final int conditionDim;
    private final NetworkInput layout;
    private float[] condition;
    private float[] unobserved = new float[0];
    private float[] input = new float[0];
    private float[] raw = new float[0];
    private float[] tangent = new float[0];
    private float[] jacobian = new float[0];

    /** A network that reads t as one input (time "linear"). */
    public PredictionField(Mlp mlp, Prediction prediction, AffinePath path) {
        this(mlp, prediction, path, TimeEmbedding.LINEAR);
    }

    public PredictionField(Mlp mlp, Prediction prediction, AffinePath path, TimeEmbedding time) {
        if (mlp.inputSize() < mlp.outputSize() + time.size()) {
            throw new IllegalArgumentException("a prediction network maps concat(x, [condition,] τ(t)) to R^dim: input size must be at least"
                    + " output size + " + time.size() + " (" + time.id() + "), was " + mlp.inputSize() + " → " + mlp.outputSize());
        }
        this.mlp = mlp;
        this.prediction = prediction;
        this.path = path;
        this.dim = mlp.outputSize();
        this.conditionDim = mlp.inputSize() - dim - time.size();
        this.layout = new NetworkInput(dim, conditionDim, time);
    }

    /** Values per point between x and t in the network's input; 0 for an unconditioned network. */
    public int conditionDim() {
        return conditionDim;
    }

    /**
     * Sets the per-point conditioning (row-major, conditionDim values per point) that every later evaluation of rows
     * 0..n−1 feeds to the network; kept by reference, so a sampler can fix it once for a whole solve. Until it is set
     * (or after null) a conditioned network sees zeros: for an inpainting mask, nothing observed.
     */
    public void condition(float[] values) {
        this.condition = values;
    }

    public Mlp mlp() {
        return mlp;
    }

    /** The row layout the network reads, concat(x, c, τ(t)): what a GPU sampler must rebuild exactly. */
    public NetworkInput input() {
        return layout;
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
        int width = layout.width();
        if (tangent.length < n * width) {
            tangent = new float[n * width];
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(e, i * dim, tangent, i * width, dim);
            for (int k = dim; k < width; k++) {
                tangent[i * width + k] = 0f; // the condition and τ(t) are not directions of the divergence
            }
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
        float[] c = condition;
        if (conditionDim > 0 && c == null) {
            // No condition given: nothing observed (an all-zero mask), the plain generation an inpainting model also learns.
            if (unobserved.length < n * conditionDim) {
                unobserved = new float[n * conditionDim];
            }
            c = unobserved;
        } else if (conditionDim > 0 && c.length < n * conditionDim) {
            throw new IllegalStateException("the condition holds " + c.length / conditionDim + " points' values (" + conditionDim
                    + " each) but " + n + " points are evaluated");
        }
        int width = layout.width();
        if (input.length < n * width) {
            input = new float[n * width];
        }
        layout.fill(x, c, t, n, input);
        return input;
    }
}
