package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/**
 * Explicit midpoint: x ← x + h·u(t + h/2, x + h/2·u(t, x)). Second order from two evaluations, like Heun, but it
 * samples the field inside the step rather than at its end, which never touches t + h (useful near a singular endpoint).
 */
public final class Midpoint implements OdeSolver {
    private float[] k1 = new float[0];
    private float[] k2 = new float[0];
    private float[] half = new float[0];

    @Override
    public String name() {
        return "midpoint";
    }

    @Override
    public int evaluationsPerStep() {
        return 2;
    }

    @Override
    public void step(VelocityField u, float[] x, int n, float t, float h) {
        int size = n * u.dim();
        k1 = Stages.atLeast(k1, size);
        k2 = Stages.atLeast(k2, size);
        half = Stages.atLeast(half, size);
        float halfStep = 0.5f * h;
        u.velocity(x, t, n, k1);
        Stages.offset(x, halfStep, k1, size, half);
        u.velocity(half, t + halfStep, n, k2);
        Stages.offset(x, h, k2, size, x);
    }
}
