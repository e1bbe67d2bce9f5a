package flowplay.web.digits;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.coupling.Dependent;
import flowplay.core.data.Digits;
import flowplay.core.model.Condition;
import flowplay.core.model.ConditionalField;
import flowplay.core.rng.Rng;
import flowplay.core.sampling.Inpainting;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.TimeGrid;
import flowplay.core.solver.Trajectory;
import flowplay.web.sampling.SamplingGrid;

/**
 * One digits model and the solves the panel asks of it, all through the shared {@link ConditionalField} and
 * {@link Sampler}: the CLI's code, on the page's thread. Labels and guidance w go to the field for a class-conditional
 * model; an inpainting solve starts from x0 = m⊙x1 + (1−m)⊙noise ({@link Dependent#apply}) with the mask observed, so
 * known pixels stay exactly what they were.
 */
public final class DigitSolve {
    public static final int DIM = Digits.PIXELS;

    private final Checkpoint checkpoint;
    private final ConditionalField field;
    private final Condition condition;

    public DigitSolve(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
        this.condition = checkpoint.model().condition();
        this.field = new ConditionalField(checkpoint.velocityField(), condition);
    }

    public Condition condition() {
        return condition;
    }

    Checkpoint checkpoint() {
        return checkpoint;
    }

    /** The source noise x0 ~ N(0, I) of n digits for a seed: every view of one seed starts from the same digits' noise. */
    public static float[] noise(long seed, int n) {
        float[] x = new float[n * DIM];
        new Rng(seed).fillGaussian(x, 0, x.length);
        return x;
    }

    /**
     * Integrates {@code x} (n digits of noise) in place to t = 1 with {@code steps} steps of the configured solver; labels
     * (or null) with guidance w; {@code trajectory} may be null.
     */
    public SolveResult sample(SampleConfig c, float[] x, int n, int steps, int[] labels, double w, Trajectory trajectory) {
        field.observe(null);
        field.labels(condition.labelled() ? labels : null, condition.labelled() ? w : 0);
        return Sampler.run(field, c.integrator(), x, n, grid(steps), trajectory);
    }

    /**
     * Fills the hidden pixels of {@code truth} ({@code observed[k]} = 1 where pixel k is known) for each of n noise
     * draws: returns n×64 pixels whose observed ones equal the truth's exactly.
     */
    float[] inpaint(SampleConfig c, float[] truth, float[] observed, int n, long seed) {
        float[] x1 = new float[n * DIM];
        float[] mask = new float[n * DIM];
        for (int i = 0; i < n; i++) {
            System.arraycopy(truth, 0, x1, i * DIM, DIM);
            System.arraycopy(observed, 0, mask, i * DIM, DIM);
        }
        float[] x = noise(seed, n);
        field.labels(null, 0);
        Inpainting.solve(field, mask, x1, x, n, c.integrator(), grid(c.steps()));
        return x;
    }

    private TimeGrid grid(int steps) {
        return SamplingGrid.of(checkpoint.velocityField(), steps);
    }
}
