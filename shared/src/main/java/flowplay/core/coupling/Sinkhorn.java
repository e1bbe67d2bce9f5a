package flowplay.core.coupling;

import flowplay.core.rng.Rng;

/**
 * Entropic OT coupling, the "sinkhorn" variant of OT-CFM: the plan P minimising ⟨P, C⟩ − ε·H(P) with uniform marginals
 * over the batch, C_ij = |x1_i − x0_j|², found by Sinkhorn iterations; then each data row x1_i draws its partner from
 * the conditional P_i· / Σ_j P_ij. Partners are drawn with replacement, so x0 is a resampling of the batch rather than
 * a permutation — exactly the plan's conditional, which is what makes ε interpolate between exact OT (ε → 0) and
 * independent pairs (ε → ∞).
 *
 * <p>ε is relative to the batch's mean cost (ε_abs = ε · mean C) so that one setting works for any data scale and
 * dimension. The dual potentials are kept in the log domain (with cheap multiplicative sweeps in between, see
 * {@link #solve}), because exp(−C/ε) underflows to 0 for the small ε that approach exact OT. An instance remembers
 * {@link #lastIterations()}, so give each training run its own.
 */
public final class Sinkhorn implements Coupling {
    private final double epsilon;
    private final int maxIterations;
    private final double tolerance;
    private int lastIterations;

    /**
     * @param epsilon regularisation relative to the mean cost, &gt; 0
     * @param maxIterations upper bound on Sinkhorn sweeps (one sweep updates both potentials)
     * @param tolerance stop when the row marginals' mean relative error Σ_i |n·Σ_j P_ij − 1| / n falls below this (the
     *     column marginals are exact after every sweep)
     */
    public Sinkhorn(double epsilon, int maxIterations, double tolerance) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite, was " + epsilon);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, was " + maxIterations);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be non-negative, was " + tolerance);
        }
        this.epsilon = epsilon;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    public Sinkhorn(double epsilon) {
        this(epsilon, 1000, 1e-6);
    }

    @Override
    public String name() {
        return "sinkhorn";
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public float[] pair(float[] x0, float[] x1, int n, int dim, Rng rng) {
        Rows.gather(x0, partners(plan(x0, x1, n, dim), n, rng), n, dim);
        return null;
    }

    /** For each row i of the plan, a column drawn with probability P_ij / Σ_j P_ij. */
    public static int[] partners(double[] plan, int n, Rng rng) {
        int[] partner = new int[n];
        for (int i = 0; i < n; i++) {
            double rowSum = 0;
            for (int j = 0; j < n; j++) {
                rowSum += plan[i * n + j];
            }
            double u = rng.nextDouble() * rowSum;
            // Rounding can leave u just above the last cumulative sum; the last column is then the right answer.
            int chosen = n - 1;
            double cumulative = 0;
            for (int j = 0; j < n; j++) {
                cumulative += plan[i * n + j];
                if (u < cumulative) {
                    chosen = j;
                    break;
                }
            }
            partner[i] = chosen;
        }
        return partner;
    }

    /**
     * Sweeps the last {@link #plan} used; equal to {@code maxIterations} when it stopped before meeting the tolerance
     * (columns are then still exact, rows approximate). Small ε converges slowly: roughly max C / ε sweeps.
     */
    public int lastIterations() {
        return lastIterations;
    }

    /** The entropic plan, row-major n×n: row i is data point x1_i, column j source point x0_j; entries sum to 1. */
    public double[] plan(float[] x0, float[] x1, int n, int dim) {
        double[] cost = SquaredDistances.between(x1, n, x0, n, dim);
        double mean = 0;
        for (double c : cost) {
            mean += c;
        }
        mean /= Math.max(1, cost.length);
        // All points equal: every plan has the same cost, and any positive ε gives the uniform one.
        double eps = mean > 0 ? epsilon * mean : 1.0;
        double logMarginal = -Math.log(n);
        double[] f = new double[n];
        double[] g = new double[n];
        double[] scratch = new double[n];
        lastIterations = solve(cost, n, eps, logMarginal, f, g, scratch, maxIterations);
        double[] plan = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                plan[i * n + j] = Math.exp((f[i] + g[j] - cost[i * n + j]) / eps);
            }
        }
        return plan;
    }

    /**
     * Sinkhorn sweeps until the row marginals meet the tolerance; returns the sweeps used.
     *
     * <p>Pure log-domain sweeps cost 2n² exp each. So, as in Schmitzer's stabilised Sinkhorn, each round does one
     * log-domain sweep (which cannot underflow), builds the kernel K_ij = exp((f_i + g_j − C_ij)/ε) relative to those
     * potentials, and runs cheap multiplicative sweeps u ← a / Kv, v ← b / Kᵀu on it until they converge, a row or
     * column sum underflows or the scalings grow large; then u and v are absorbed into f and g (f += ε log u).
     */
    private int solve(double[] cost, int n, double eps, double logMarginal, double[] f, double[] g, double[] scratch,
                      int budget) {
        double marginal = Math.exp(logMarginal);
        double[] kernel = new double[n * n];
        double[] u = new double[n];
        double[] v = new double[n];
        int iteration = 0;
        while (iteration < budget) {
            double error = logSweep(cost, n, eps, logMarginal, f, g, scratch);
            iteration++;
            if (error / n < tolerance || iteration >= budget) {
                return iteration;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    kernel[i * n + j] = Math.exp((f[i] + g[j] - cost[i * n + j]) / eps);
                }
                u[i] = 1;
                v[i] = 1;
            }
            boolean converged = false;
            for (int sweep = 0; sweep < ABSORB_EVERY && iteration < budget; sweep++) {
                if (!multiplicativeSweep(kernel, n, marginal, u, v, scratch)) {
                    break;
                }
                iteration++;
                if (scratch[0] / n < tolerance) {
                    converged = true;
                    break;
                }
            }
            for (int i = 0; i < n; i++) {
                f[i] += eps * Math.log(u[i]);
                g[i] += eps * Math.log(v[i]);
            }
            if (converged) {
                return iteration;
            }
        }
        return budget;
    }

    private static final int ABSORB_EVERY = 50;
    private static final double SCALING_LIMIT = 1e100;

    /**
     * One sweep u ← a / Kv, v ← b / Kᵀu. Returns false, leaving u and v at their last valid values, when a sum
     * underflows or a scaling leaves [1/limit, limit]; otherwise true with the row marginal error in {@code out[0]}.
     */
    private static boolean multiplicativeSweep(double[] kernel, int n, double marginal, double[] u, double[] v,
                                               double[] out) {
        double error = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += kernel[i * n + j] * v[j];
            }
            double updated = marginal / row;
            if (!(updated < SCALING_LIMIT && updated > 1 / SCALING_LIMIT)) {
                return false;
            }
            error += Math.abs(u[i] / updated - 1);
            u[i] = updated;
        }
        double[] column = new double[n];
        for (int i = 0; i < n; i++) {
            double ui = u[i];
            for (int j = 0; j < n; j++) {
                column[j] += kernel[i * n + j] * ui;
            }
        }
        for (int j = 0; j < n; j++) {
            double updated = marginal / column[j];
            if (!(updated < SCALING_LIMIT && updated > 1 / SCALING_LIMIT)) {
                return false;
            }
        }
        for (int j = 0; j < n; j++) {
            v[j] = marginal / column[j];
        }
        out[0] = error;
        return true;
    }

    /** One log-domain sweep of both potentials; returns the row marginal error Σ_i |n·row_i − 1| before it. */
    private static double logSweep(double[] cost, int n, double eps, double logMarginal, double[] f, double[] g,
                                   double[] scratch) {
        // f_i ← ε log a_i − ε LSE_j((g_j − C_ij)/ε). The ratio of old to new row factor is the row sum of the
        // current plan times n, so the marginal error comes free with the update.
        double error = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scratch[j] = (g[j] - cost[i * n + j]) / eps;
            }
            double updated = eps * (logMarginal - logSumExp(scratch, n));
            error += Math.abs(Math.exp((f[i] - updated) / eps) - 1);
            f[i] = updated;
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                scratch[i] = (f[i] - cost[i * n + j]) / eps;
            }
            g[j] = eps * (logMarginal - logSumExp(scratch, n));
        }
        return error;
    }

    private static double logSumExp(double[] v, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, v[k]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.exp(v[k] - max);
        }
        return max + Math.log(sum);
    }
}
