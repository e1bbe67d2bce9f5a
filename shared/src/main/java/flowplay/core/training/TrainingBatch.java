package flowplay.core.training;

import flowplay.core.coupling.Coupling;
import flowplay.core.data.Dataset;
import flowplay.core.data.LabelledDataset;
import flowplay.core.model.Condition;
import flowplay.core.model.NetworkInput;
import flowplay.core.path.AffinePath;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;

/**
 * One batch of the regression an {@link Objective} defines: x1 ~ data, x0 ~ N(0, I), re-paired by the coupling,
 * t from the time sampler, x_t = α_t·x1 + σ_t·x0, and the prediction's target (x1, x0, α̇·x1 + σ̇·x0 or −x0/σ_t) with
 * the weight w(t). The network rows are concat(x_t, [mask,] [onehot(label),] τ(t)); a class-conditional batch drops each
 * label to the "no label" token with the label-dropout probability, which is what lets classifier-free guidance ask the
 * same network for u(x, t | ∅). The random numbers are drawn in this fixed order — data, noise, coupling, times, label
 * dropout — so a seed names the batches on any engine. Arrays are reused from batch to batch.
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
    private final Condition condition;
    private final double labelDropout;
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
    private final int[] labels;
    private final float[] conditionRows;

    /** A batch without class labels: the condition is the coupling's mask, if it gives one. */
    public TrainingBatch(Objective objective, NetworkInput layout, int n) {
        this(objective, new Condition(objective.newCoupling().conditionDim(layout.dim()) > 0, 0), 0, layout, n);
    }

    /**
     * @param condition    what the rows carry between x_t and τ(t): the coupling's mask (when it gives one) and, when
     *                     labelled, a one-hot label of the data set's classes
     * @param labelDropout probability that a point's label is replaced by ∅, in [0, 1]
     */
    public TrainingBatch(Objective objective, Condition condition, double labelDropout, NetworkInput layout, int n) {
        this.objective = objective;
        this.path = objective.path();
        this.coupling = objective.newCoupling();
        this.layout = layout;
        this.condition = condition;
        this.labelDropout = labelDropout;
        this.n = n;
        this.dim = layout.dim();
        if (condition.mask() != coupling.conditionDim(dim) > 0) {
            throw new IllegalArgumentException("the condition " + condition.id() + (condition.mask() ? " has" : " has no")
                    + " mask but the " + coupling.name() + " coupling " + (condition.mask() ? "gives none" : "gives one"));
        }
        if (condition.width(dim) != layout.conditionDim()) {
            throw new IllegalArgumentException("the network input has " + layout.conditionDim() + " condition values per point but "
                    + condition.id() + " needs " + condition.width(dim));
        }
        if (!(labelDropout >= 0 && labelDropout <= 1)) {
            throw new IllegalArgumentException("label dropout must be in [0, 1], was " + labelDropout);
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
        labels = condition.labelled() ? new int[n] : null;
        conditionRows = condition.labelled() ? new float[n * condition.width(dim)] : null;
    }

    /** Draws the next batch; a labelled condition needs a {@link LabelledDataset} with as many classes. */
    public void draw(Dataset data, Rng rng) {
        if (labels != null) {
            if (!(data instanceof LabelledDataset labelled) || labelled.classes() != condition.classes()) {
                throw new IllegalArgumentException("the condition " + condition.id() + " needs labelled data with " + condition.classes()
                        + " classes; " + data.name() + " has " + (data instanceof LabelledDataset l ? l.classes() + " classes" : "no labels"));
            }
            labelled.sample(rng, n, x1, labels);
        } else {
            data.sample(rng, n, x1);
        }
        rng.fillGaussian(x0, 0, n * dim);
        float[] mask = coupling.pair(x0, x1, n, dim, rng);
        for (int i = 0; i < n; i++) {
            t[i] = objective.times().sample(rng, tLo, tHi);
        }
        float[] rows = mask;
        if (labels != null) {
            for (int i = 0; i < n; i++) {
                if (rng.nextDouble() < labelDropout) {
                    labels[i] = Condition.NO_LABEL;
                }
            }
            condition.fill(mask, labels, n, dim, conditionRows);
            rows = conditionRows;
        }
        path.sample(x0, x1, t, n, dim, xt, velocity);
        if (objective.prediction() == Prediction.VELOCITY) {
            System.arraycopy(velocity, 0, target, 0, n * dim);
        } else {
            path.target(objective.prediction(), x0, x1, t, n, dim, target);
        }
        layout.fill(xt, rows, t, n, input);
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

    /** The labels after dropout ({@link Condition#NO_LABEL} for ∅), or null for an unlabelled batch; for tests. */
    public int[] labels() {
        return labels;
    }

    /** The times of the rows; for tests. */
    public float[] times() {
        return t;
    }

    public int size() {
        return n;
    }
}
