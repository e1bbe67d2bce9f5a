package flowplay.core.coupling;

/** Minimum over all n! permutations, by Heap's algorithm: the independent check of the assignment solvers. */
final class BruteForce {
    private BruteForce() {
    }

    static double minimumCost(double[] cost, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double best = total(cost, perm, n);
        int[] c = new int[n];
        int i = 0;
        while (i < n) {
            if (c[i] < i) {
                int a = i % 2 == 0 ? 0 : c[i];
                int tmp = perm[a];
                perm[a] = perm[i];
                perm[i] = tmp;
                best = Math.min(best, total(cost, perm, n));
                c[i]++;
                i = 0;
            } else {
                c[i] = 0;
                i++;
            }
        }
        return best;
    }

    static double total(double[] cost, int[] columnOfRow, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += cost[i * n + columnOfRow[i]];
        }
        return sum;
    }
}
