package flowplay.core.training;

import flowplay.core.coupling.Coupling;
import flowplay.core.data.Dataset;
import flowplay.core.model.NetworkInput;
import flowplay.core.path.AffinePath;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;

/**
 * One batch of the regression an {@link Objective} defines: x1 ~ data, x0 ~ N(0, I), re-paired by the coupling,
 * t from the time sampler, x_t = α_t·x1 + σ_t·x0, and the prediction's target (x1, x0, α̇·x1 + σ̇·x0 or −x0/σ_t) with
 * the weight w(t). The network rows are concat(x_t, [mask,] τ(t)). The random numbers are drawn in this fixed order —
 * data, noise, coupling, times — so a seed names the batches on any engine. Arrays are reused from batch to batch.
 */
public final class TrainingBatch {
    /**
     * How close to a singular end times are drawn, where the target is infinite there (the score at σ_t = 0, the
     * velocity of vp at t = 1, where σ̇ is infinite).
     */
    public static final double END_EPS = 1e-3;

    private final Objective objective;
    private final AffinePath path;
    private final Coupling coupling;
    private final NetworkInput layout;
    private final int n;
    private final int dim;
    private final double tLo;
    private final double tHi;
    private final float[] x0;
    private final float[] x1;
    private final float[] t;
    private final float[] xt;
    private final float[] velocity;
    private final float[] target;
    private final float[] input;
    private final float[] weights;

    public TrainingBatch(Objective objective, NetworkInput layout, int n) {
        this.objective = objective;
        this.path = objective.path();
        this.coupling = objective.newCoupling();
        this.layout = layout;
        this.n = n;
        this.dim = layout.dim();
        if (coupling.conditionDim(dim) != layout.conditionDim()) {
            throw new IllegalArgumentException("the network input has " + layout.conditionDim() + " condition values per point but the "
                    + coupling.name() + " coupling gives " + coupling.conditionDim(dim));
        }
        double[] lo = path.targetSafeTimes(objective.prediction(), END_EPS);
        double[] velocityTimes = path.targetSafeTimes(Prediction.VELOCITY, END_EPS);
        tLo = Math.max(lo[0], velocityTimes[0]);
        tHi = Math.min(lo[1], velocityTimes[1]);
        x0 = new float[n * dim];
        x1 = new float[n * dim];
        t = new float[n];
        xt = new float[n * dim];
        velocity = new float[n * dim];
        target = new float[n * dim];
        input = new float[n * layout.width()];
        weights = objective.lossWeight() == LossWeight.NONE ? null : new float[n];
    }

    /** Draws the next batch. */
    public void draw(Dataset data, Rng rng) {
        data.sample(rng, n, x1);
        rng.fillGaussian(x0, 0, n * dim);
        float[] condition = coupling.pair(x0, x1, n, dim, rng);
        for (int i = 0; i < n; i++) {
            t[i] = objective.times().sample(rng, tLo, tHi);
        }
        path.sample(x0, x1, t, n, dim, xt, velocity);
        if (objective.prediction() == Prediction.VELOCITY) {
            System.arraycopy(velocity, 0, target, 0, n * dim);
        } else {
            path.target(objective.prediction(), x0, x1, t, n, dim, target);
        }
        layout.fill(xt, condition, t, n, input);
        if (weights != null) {
            for (int i = 0; i < n; i++) {
                weights[i] = (float) objective.lossWeight().weight(path.scheduler(), objective.prediction(), t[i]);
            }
        }
    }

    /** Rows concat(x_t, [mask,] τ(t)), n × layout width. */
    public float[] input() {
        return input;
    }

    /** The prediction's regression target, n × dim. */
    public float[] target() {
        return target;
    }

    /** w(t_i) per row, or null when every weight is 1. */
    public float[] weights() {
        return weights;
    }

    /** The source points after coupling; for tests. */
    public float[] x0() {
        return x0;
    }

    /** The data points; for tests. */
    public float[] x1() {
        return x1;
    }

    /** The times of the rows; for tests. */
    public float[] times() {
        return t;
    }

    public int size() {
        return n;
    }
}
