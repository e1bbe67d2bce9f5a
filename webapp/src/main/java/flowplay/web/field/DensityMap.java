package flowplay.web.field;

import flowplay.core.likelihood.Likelihood;
import flowplay.core.likelihood.LikelihoodResult;
import flowplay.core.model.DivergenceField;
import flowplay.core.solver.FixedGrid;
import flowplay.core.solver.Rk4;
import flowplay.core.solver.TimeGrid;

/**
 * The model density p_1(x) at the centres of a {@link FieldGrid}, by the exact (2-D) divergence likelihood solved from
 * each centre back to t = 0. Its mass, Σ p·cell area, is ≈ 1 when the box holds the model's samples: a check that the
 * field is a good flow and the solve accurate, and what the e2e test reads.
 */
public final class DensityMap {
    /** RK4 steps per solve: every cell is one more solve, so this is the budget knob. */
    public static final int STEPS = 24;

    private final FieldGrid grid;
    private final float[] density;
    private final double mass;
    private final double max;

    private DensityMap(FieldGrid grid, float[] density, double mass, double max) {
        this.grid = grid;
        this.density = density;
        this.mass = mass;
        this.max = max;
    }

    /**
     * @param safe the field's safe time interval {lo, hi}: the solve runs from hi back to lo (a field singular at t = 1,
     *             such as an x1 prediction, gives the density at 1 − eps)
     */
    public static DensityMap compute(DivergenceField field, FieldGrid grid, double[] safe, int steps) {
        int n = grid.cells();
        LikelihoodResult r = Likelihood.exact(field, grid.centres(), n, new FixedGrid(new Rk4()),
                TimeGrid.uniform(safe[1], safe[0], steps));
        float[] p = new float[n];
        double sum = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.exp(r.logP1()[i]);
            if (!Double.isFinite(d)) {
                d = 0; // a diverged solve says nothing about the density: drawn empty, left out of the mass
            }
            p[i] = (float) d;
            sum += d;
            max = Math.max(max, d);
        }
        return new DensityMap(grid, p, sum * grid.cellArea(), max);
    }

    public FieldGrid grid() {
        return grid;
    }

    /** Density per cell, in {@link FieldGrid#centres()} order. */
    public float[] density() {
        return density;
    }

    public double mass() {
        return mass;
    }

    public double max() {
        return max;
    }
}
