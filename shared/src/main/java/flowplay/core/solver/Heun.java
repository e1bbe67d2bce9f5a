package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/**
 * Heun's method (explicit trapezoid): an Euler predictor, then the average of the slopes at both ends.
 * Second order, two evaluations per step.
 */
public final class Heun implements OdeSolver {
    private float[] k1 = new float[0];
    private float[] k2 = new float[0];
    private float[] predictor = new float[0];

    @Override
    public String name() {
        return "heun";
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
        predictor = Stages.atLeast(predictor, size);
        u.velocity(x, t, n, k1);
        Stages.offset(x, h, k1, size, predictor);
        u.velocity(predictor, t + h, n, k2);
        float half = 0.5f * h;
        for (int i = 0; i < size; i++) {
            x[i] += half * (k1[i] + k2[i]);
        }
    }
}
