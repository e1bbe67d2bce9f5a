package flowplay.core.coupling;

import flowplay.core.rng.Rng;

/**
 * Minibatch optimal transport (OT-CFM, Tong et al. 2023; Pooladian et al. 2023): within each batch, x0 is permuted by
 * the exact assignment minimising Σ|x1_i − x0_σ(i)|². Over many batches this approximates the OT plan, which makes the
 * conditional paths cross less and the learned flow straighter. Deterministic; the Rng is not used.
 */
public final class MinibatchOt implements Coupling {
    @Override
    public String name() {
        return "minibatch-ot";
    }

    @Override
    public float[] pair(float[] x0, float[] x1, int n, int dim, Rng rng) {
        // Rows are x1 so that the answer reads directly as "which x0 for data row i".
        double[] cost = SquaredDistances.between(x1, n, x0, n, dim);
        Rows.gather(x0, Assignment.solve(cost, n).columnOfRow(), n, dim);
        return null;
    }
}
