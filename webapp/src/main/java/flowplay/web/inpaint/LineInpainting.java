package flowplay.web.inpaint;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.ConditionalField;
import flowplay.core.model.PredictionField;
import flowplay.core.sampling.Inpainting;
import flowplay.core.solver.Integrator;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.TimeGrid;

/**
 * Samples p(x1 | one coordinate of x1 = c) from a model trained with the dependent coupling π(x0, x1) = p(x0 | x1) p(x1),
 * x0 = m⊙x1 + (1−m)⊙noise: the start point is built the same way with the mask m that observes only the fixed
 * coordinate, the network reads that m, and {@link ConditionalField} zeroes the velocity on the observed coordinate, so
 * it stays exactly c on every solver (x + h·0 = x in floats) while the other coordinate flows from its noise.
 */
public final class LineInpainting {
    private LineInpainting() {
    }

    /** The points (n×2) and what the solve cost. */
    public record Result(float[] points, int n, SolveResult solve) {
    }

    /** True when the checkpoint can be inpainted on the plane: a 2-D model that reads an observation mask. */
    public static boolean supports(Checkpoint checkpoint) {
        return checkpoint.model().dim() == 2 && checkpoint.model().condition().mask();
    }

    /**
     * Integrates the first n rows of {@code noise} (n×2, never written) across the grid, conditioned on the line. The
     * checkpoint must be a 2-D model that reads a mask ({@link #supports}); otherwise IllegalArgumentException.
     */
    public static Result sample(Checkpoint checkpoint, FixedLine line, float[] noise, int n, Integrator solver, TimeGrid grid) {
        if (!supports(checkpoint)) {
            throw new IllegalArgumentException("this model was not trained to inpaint 2-D points (dimension "
                    + checkpoint.model().dim() + ", condition " + checkpoint.model().condition().id() + ")");
        }
        PredictionField field = checkpoint.velocityField();
        ConditionalField conditional = new ConditionalField(field, checkpoint.model().condition());
        float[] mask = line.mask(n);
        float[] x = new float[2 * n];
        System.arraycopy(noise, 0, x, 0, 2 * n);
        SolveResult result = Inpainting.solve(conditional, mask, line.observed(n), x, n, solver, grid);
        return new Result(x, n, result);
    }
}
