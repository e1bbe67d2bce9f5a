package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/** x ← x + h·u_t(x): first order, one evaluation per step. */
public final class Euler implements OdeSolver {
    private float[] k1 = new float[0];

    @Override
    public String name() {
        return "euler";
    }

    @Override
    public int evaluationsPerStep() {
        return 1;
    }

    @Override
    public void step(VelocityField u, float[] x, int n, float t, float h) {
        int size = n * u.dim();
        k1 = Stages.atLeast(k1, size);
        u.velocity(x, t, n, k1);
        Stages.offset(x, h, k1, size, x);
    }
}
