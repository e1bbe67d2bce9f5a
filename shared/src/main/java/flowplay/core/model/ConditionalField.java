package flowplay.core.model;

/**
 * The velocity a conditioned network gives for one request: an observation to inpaint and/or a class to draw.
 * <ul>
 *   <li>Observation (mask m, 1 = observed): the network reads m, and the velocity is zeroed on observed coordinates,
 *       so a solve started from x0 = m⊙x1 + (1−m)⊙noise keeps the known values exactly, on any solver and step count.
 *       On the condot path this is the trained velocity itself (the coupling's x_t does not move there); on other paths
 *       the known values are their endpoints, held.</li>
 *   <li>Class c with classifier-free guidance w: u = (1 + w)·u(x, t | c) − w·u(x, t | ∅). Every prediction converts
 *       to a velocity linearly in the network output at fixed x and t, so guiding velocities is guiding predictions.
 *       w = 0 costs one network evaluation per call, otherwise two.</li>
 * </ul>
 * Not thread-safe (scratch buffers); arrays given are kept by reference.
 */
public final class ConditionalField implements VelocityField {
    private final PredictionField field;
    private final Condition condition;
    private final int dim;
    private float[] mask;
    private int[] labels;
    private double guidance;
    private float[] rows = new float[0];
    private float[] unguided = new float[0];

    /** @param condition the checkpoint's condition; its width must be what the network reads between x and t */
    public ConditionalField(PredictionField field, Condition condition) {
        if (condition.width(field.dim()) != field.conditionDim()) {
            throw new IllegalArgumentException("the network reads " + field.conditionDim() + " condition values per point, "
                    + condition.id() + " has " + condition.width(field.dim()));
        }
        this.field = field;
        this.condition = condition;
        this.dim = field.dim();
    }

    public Condition condition() {
        return condition;
    }

    /** The observation masks (n×dim, 1 = observed) of the points solved next, or null for nothing observed. */
    public void observe(float[] mask) {
        if (mask != null && !condition.mask()) {
            throw new IllegalArgumentException("this model was not trained to inpaint (condition " + condition.id() + ")");
        }
        this.mask = mask;
    }

    /**
     * The class of each point ({@link Condition#NO_LABEL} for none), or null for all unlabelled, and the guidance
     * weight w ≥ 0.
     */
    public void labels(int[] labels, double guidance) {
        if (labels != null && !condition.labelled()) {
            throw new IllegalArgumentException("this model was not trained with class labels (condition " + condition.id() + ")");
        }
        if (!(guidance >= 0) || Double.isInfinite(guidance)) {
            throw new IllegalArgumentException("guidance must be a finite number ≥ 0, was " + guidance);
        }
        this.labels = labels;
        this.guidance = guidance;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void velocity(float[] x, float t, int n, float[] out) {
        evaluate(x, t, n, labels, out);
        if (labels != null && guidance > 0) {
            if (unguided.length < n * dim) {
                unguided = new float[n * dim];
            }
            evaluate(x, t, n, null, unguided);
            float w = (float) guidance;
            for (int k = 0; k < n * dim; k++) {
                out[k] = (1f + w) * out[k] - w * unguided[k];
            }
        }
        if (mask != null) {
            for (int k = 0; k < n * dim; k++) {
                out[k] *= 1f - mask[k];
            }
        }
    }

    private void evaluate(float[] x, float t, int n, int[] labelsOrNull, float[] out) {
        int width = condition.width(dim);
        if (width > 0) {
            if (rows.length < n * width) {
                rows = new float[n * width];
            }
            condition.fill(mask, labelsOrNull, n, dim, rows);
            field.condition(rows);
        }
        field.velocity(x, t, n, out);
    }
}
