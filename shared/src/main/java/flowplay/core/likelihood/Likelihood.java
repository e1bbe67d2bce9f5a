package flowplay.core.likelihood;

import flowplay.core.model.DivergenceField;
import flowplay.core.rng.Rng;
import flowplay.core.solver.Integrator;
import flowplay.core.solver.FixedGrid;
import flowplay.core.solver.Rk4;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.TimeGrid;

/**
 * log p_1(x) of a flow model by the instantaneous change of variables. Along a path of dx/dt = u_t(x),
 * d/dt log p_t(x_t) = −div u_t(x_t), so log p_1(x_1) = log N(x_0; 0, I) − ∫₀¹ div u_t(x_t) dt.
 *
 * <p>We start at the data and integrate backwards from t = 1 to t = 0 the state [x, a] with da/dt = div u and a(1) = 0;
 * then a(0) = −∫₀¹ div u dt and log p_1(x_1) = log N(x_0; 0, I) + a(0).
 */
public final class Likelihood {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private Likelihood() {
    }

    /** Exact divergence, classic RK4 with {@code steps} steps from 1 to 0. */
    public static LikelihoodResult exact(DivergenceField u, float[] x1, int n, int steps) {
        return exact(u, x1, n, new FixedGrid(new Rk4()), TimeGrid.uniform(1, 0, steps));
    }

    /** Exact divergence with any deterministic solver; the grid must run backwards (e.g. 1 → 0, or 1 − eps → eps). */
    public static LikelihoodResult exact(DivergenceField u, float[] x1, int n, Integrator solver, TimeGrid grid) {
        return solve(new AugmentedField(u, null), u.dim(), x1, n, solver, grid);
    }

    /** Hutchinson's estimator with K Rademacher probes from {@code seed}, classic RK4 with {@code steps} steps. */
    public static LikelihoodResult hutchinson(DivergenceField u, float[] x1, int n, int probes, long seed, int steps) {
        return hutchinson(u, x1, n, probes, Probe.RADEMACHER, new Rng(seed), new FixedGrid(new Rk4()), TimeGrid.uniform(1, 0, steps));
    }

    /** Hutchinson's estimator: K probes of the given kind drawn once from {@code rng} and held fixed along the path. */
    public static LikelihoodResult hutchinson(DivergenceField u, float[] x1, int n, int probes, Probe kind, Rng rng,
                                              Integrator solver, TimeGrid grid) {
        if (probes < 1) {
            throw new IllegalArgumentException("Hutchinson needs at least one probe, was " + probes);
        }
        float[][] e = new float[probes][n * u.dim()];
        for (float[] probe : e) {
            kind.fill(rng, probe);
        }
        return solve(new AugmentedField(u, e), u.dim(), x1, n, solver, grid);
    }

    private static LikelihoodResult solve(AugmentedField field, int dim, float[] x1, int n, Integrator solver, TimeGrid grid) {
        if (grid.forward()) {
            throw new IllegalArgumentException("a likelihood integrates from data to noise: the grid must run backwards, from "
                    + grid.end() + " to " + grid.start());
        }
        int stride = dim + 1;
        float[] z = new float[n * stride];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x1, i * dim, z, i * stride, dim);
        }
        var result = Sampler.run(field, solver, z, n, grid, null);
        float[] logP1 = new float[n];
        float[] x0 = new float[n * dim];
        float[] integral = new float[n];
        for (int i = 0; i < n; i++) {
            double squared = 0;
            for (int j = 0; j < dim; j++) {
                float v = z[i * stride + j];
                x0[i * dim + j] = v;
                squared += (double) v * v;
            }
            double a = z[i * stride + dim];
            integral[i] = (float) -a;
            logP1[i] = (float) (-0.5 * squared - 0.5 * dim * LOG_2PI + a);
        }
        return new LikelihoodResult(logP1, x0, integral, result);
    }
}
