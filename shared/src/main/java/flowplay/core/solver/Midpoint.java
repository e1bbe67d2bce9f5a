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
        if (k1.length < size) {
            k1 = new float[size];
            k2 = new float[size];
            half = new float[size];
        }
        float halfStep = 0.5f * h;
        u.velocity(x, t, n, k1);
        for (int i = 0; i < size; i++) {
            half[i] = x[i] + halfStep * k1[i];
        }
        u.velocity(half, t + halfStep, n, k2);
        for (int i = 0; i < size; i++) {
            x[i] += h * k2[i];
        }
    }
}
