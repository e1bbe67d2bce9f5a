package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/**
 * The classic fourth-order Runge–Kutta step: slopes k1..k4 at t, t + h/2 (twice) and t + h, weighted 1:2:2:1.
 * Four evaluations per step.
 */
public final class Rk4 implements OdeSolver {
    private float[] k1 = new float[0];
    private float[] k2 = new float[0];
    private float[] k3 = new float[0];
    private float[] k4 = new float[0];
    private float[] stage = new float[0];

    @Override
    public String name() {
        return "rk4";
    }

    @Override
    public int evaluationsPerStep() {
        return 4;
    }

    @Override
    public void step(VelocityField u, float[] x, int n, float t, float h) {
        int size = n * u.dim();
        k1 = Stages.atLeast(k1, size);
        k2 = Stages.atLeast(k2, size);
        k3 = Stages.atLeast(k3, size);
        k4 = Stages.atLeast(k4, size);
        stage = Stages.atLeast(stage, size);
        float halfStep = 0.5f * h;
        u.velocity(x, t, n, k1);
        Stages.offset(x, halfStep, k1, size, stage);
        u.velocity(stage, t + halfStep, n, k2);
        Stages.offset(x, halfStep, k2, size, stage);
        u.velocity(stage, t + halfStep, n, k3);
        Stages.offset(x, h, k3, size, stage);
        u.velocity(stage, t + h, n, k4);
        float sixth = h / 6f;
        for (int i = 0; i < size; i++) {
            x[i] += sixth * (k1[i] + 2f * k2[i] + 2f * k3[i] + k4[i]);
        }
    }
}
