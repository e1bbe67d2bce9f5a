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
 * field is a good flow and the solve accurate, and what the e2e test reads. Filled in chunks of cells ({@link #fill}),
 * so the browser's one thread can draw progress between them instead of freezing for the whole grid.
 */
public final class DensityMap {
    /** RK4 steps per solve: every cell is one more solve, so this is the budget knob. */
    public static final int STEPS = 24;

    private final DivergenceField field;
    private final FieldGrid grid;
    private final float[] centres;
    private final TimeGrid times;
    private final float[] density;
    private int filled;
    private double sum;
    private double max;

    /**
     * @param safe the field's safe time interval {lo, hi}: the solve runs from hi back to lo (a field singular at t = 1,
     *             such as an x1 prediction, gives the density at 1 − eps)
     */
    public DensityMap(DivergenceField field, FieldGrid grid, double[] safe, int steps) {
        this.field = field;
        this.grid = grid;
        this.centres = grid.centres();
        this.times = TimeGrid.uniform(safe[1], safe[0], steps);
        this.density = new float[grid.cells()];
    }

    /** The whole grid at once (tests, and the JVM). */
    public static DensityMap compute(DivergenceField field, FieldGrid grid, double[] safe, int steps) {
        DensityMap d = new DensityMap(field, grid, safe, steps);
        while (!d.done()) {
            d.fill(grid.cells());
        }
        return d;
    }

    /** Solves the next {@code count} cells (fewer at the end). Rows of the batched solve are independent, so chunks change nothing. */
    public void fill(int count) {
        int n = Math.min(count, density.length - filled);
        if (n <= 0) {
            return;
        }
        float[] x1 = new float[2 * n];
        System.arraycopy(centres, 2 * filled, x1, 0, x1.length);
        LikelihoodResult r = Likelihood.exact(field, x1, n, new FixedGrid(new Rk4()), times);
        for (int i = 0; i < n; i++) {
            double d = Math.exp(r.logP1()[i]);
            if (!Double.isFinite(d)) {
                d = 0; // a diverged solve says nothing about the density: drawn empty, left out of the mass
            }
            density[filled + i] = (float) d;
            sum += d;
            max = Math.max(max, d);
        }
        filled += n;
    }

    public boolean done() {
        return filled == density.length;
    }

    /** Fraction of the cells solved so far. */
    public double progress() {
        return (double) filled / density.length;
    }

    public FieldGrid grid() {
        return grid;
    }

    /** Density per cell, in {@link FieldGrid#centres()} order (0 where not solved yet). */
    public float[] density() {
        return density;
    }

    /** Σ density × cell area over the cells solved so far. */
    public double mass() {
        return sum * grid.cellArea();
    }

    public double max() {
        return max;
    }
}
