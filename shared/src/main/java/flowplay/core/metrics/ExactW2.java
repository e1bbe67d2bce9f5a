package flowplay.core.metrics;

import flowplay.core.coupling.Assignment;
import flowplay.core.coupling.SquaredDistances;

/**
 * Squared 2-Wasserstein distance between two equally sized empirical distributions, exactly: for n points each the
 * optimal plan is a permutation (Birkhoff), so W2² = min_σ (1/n) Σ|x_i − y_σ(i)|², found by {@link Assignment}.
 * O(n³) time and n² doubles of memory, hence the limit of {@value #MAX_POINTS} points.
 */
public final class ExactW2 {
    public static final int MAX_POINTS = 2000;

    private ExactW2() {
    }

    public static boolean applicable(int n, int m) {
        return n == m && n >= 1 && n <= MAX_POINTS;
    }

    public static double squared(float[] x, int n, float[] y, int m, int dim) {
        if (n != m) {
            throw new IllegalArgumentException("exact W2 needs equally sized sets, had " + n + " and " + m
                    + "; use the sliced Wasserstein distance instead");
        }
        if (n < 1 || n > MAX_POINTS) {
            throw new IllegalArgumentException("exact W2 needs 1 to " + MAX_POINTS + " points per set, had " + n);
        }
        return Assignment.solve(SquaredDistances.between(x, n, y, n, dim), n).cost() / n;
    }
}
