package flowplay.core.sampling;

import flowplay.core.coupling.Dependent;
import flowplay.core.model.ConditionalField;
import flowplay.core.solver.Integrator;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.TimeGrid;

/**
 * An inpainting solve, the sampling side of the dependent coupling: start from x0 = m⊙x1 + (1−m)⊙noise, as training
 * paired them, and integrate with the mask observed, so the known values come out exactly as given.
 */
public final class Inpainting {
    private Inpainting() {
    }

    /**
     * Turns the noise in {@code x} (n×dim, in place) into completions of {@code observed} (n×dim; only the entries where
     * {@code mask} is 1 are read). The field is left with nothing observed afterwards.
     */
    public static SolveResult solve(ConditionalField field, float[] mask, float[] observed, float[] x, int n, Integrator solver,
                                    TimeGrid grid) {
        Dependent.apply(mask, x, observed, n, field.dim());
        field.observe(mask);
        try {
            return Sampler.run(field, solver, x, n, grid, null);
        } finally {
            field.observe(null);
        }
    }
}
