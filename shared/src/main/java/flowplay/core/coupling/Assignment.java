package flowplay.core.coupling;

/**
 * An optimal assignment of n rows to n columns of a cost matrix: {@code columnOfRow[i]} is the column given to row i and
 * {@code cost} the sum of the chosen entries, which is minimal over all n! permutations.
 *
 * <p>{@link #solve} is the shortest augmenting path form of the Hungarian method (Jonker–Volgenant style, with dual
 * potentials): each row is added by one Dijkstra-like search over reduced costs, so the whole run is O(n³) and about a
 * second for n = 1024. Work is in double precision because float potentials drift over n augmentations.
 */
public record Assignment(int[] columnOfRow, double cost) {

    /** @param cost row-major n×n, finite (a NaN or infinite entry would make "optimal" meaningless) */
    public static Assignment solve(double[] cost, int n) {
        if (n < 0 || cost.length < (long) n * n) {
            throw new IllegalArgumentException("cost must hold n×n = " + ((long) n * n) + " entries, has " + cost.length);
        }
        for (int k = 0; k < n * n; k++) {
            if (Double.isNaN(cost[k]) || Double.isInfinite(cost[k])) {
                throw new IllegalArgumentException("cost entry " + k + " is not finite: " + cost[k]);
            }
        }
        // Index 0 is a virtual column/row: the search for a new row starts from column 0, which that row "occupies".
        double[] rowPotential = new double[n + 1];
        double[] columnPotential = new double[n + 1];
        int[] rowOfColumn = new int[n + 1];
        int[] previousColumn = new int[n + 1];
        double[] slack = new double[n + 1];
        boolean[] visited = new boolean[n + 1];
        for (int row = 1; row <= n; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            for (int j = 0; j <= n; j++) {
                slack[j] = Double.POSITIVE_INFINITY;
                visited[j] = false;
            }
            do {
                visited[column] = true;
                int i = rowOfColumn[column];
                int base = (i - 1) * n - 1;
                double delta = Double.POSITIVE_INFINITY;
                int next = -1;
                for (int j = 1; j <= n; j++) {
                    if (!visited[j]) {
                        double reduced = cost[base + j] - rowPotential[i] - columnPotential[j];
                        if (reduced < slack[j]) {
                            slack[j] = reduced;
                            previousColumn[j] = column;
                        }
                        if (slack[j] < delta) {
                            delta = slack[j];
                            next = j;
                        }
                    }
                }
                // Shifting the potentials by delta keeps reduced costs non-negative and makes the edge to `next` tight.
                for (int j = 0; j <= n; j++) {
                    if (visited[j]) {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            // Augment: flip the alternating path back to the virtual column.
            do {
                int previous = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }
        int[] columnOfRow = new int[n];
        double total = 0;
        for (int j = 1; j <= n; j++) {
            int i = rowOfColumn[j] - 1;
            columnOfRow[i] = j - 1;
        }
        for (int i = 0; i < n; i++) {
            total += cost[i * n + columnOfRow[i]];
        }
        return new Assignment(columnOfRow, total);
    }
}
