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
        if (k1.length < size) {
            k1 = new float[size];
        }
        u.velocity(x, t, n, k1);
        for (int i = 0; i < size; i++) {
            x[i] += h * k1[i];
        }
    }
}
