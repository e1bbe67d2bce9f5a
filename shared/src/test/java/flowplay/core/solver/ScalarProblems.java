package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/** Scalar ODEs on [0, 1] with closed-form solutions, for convergence tests. */
final class ScalarProblems {
    private ScalarProblems() {
    }

    interface Field {
        double f(double t, double x);
    }

    static VelocityField of(Field field) {
        return new VelocityField() {
            @Override
            public int dim() {
                return 1;
            }

            @Override
            public void velocity(float[] x, float t, int n, float[] out) {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) field.f(t, x[i]);
                }
            }
        };
    }

    /** dx/dt = −x, x(0) = 1: x(1) = e^{−1}. */
    static final VelocityField DECAY = of((t, x) -> -x);
    static final double DECAY_END = Math.exp(-1);

    /** dx/dt = 2t·x, x(0) = 1: x(t) = e^{t²}, so x(1) = e (non-autonomous: tests the stage times). */
    static final VelocityField GROWTH = of((t, x) -> 2 * t * x);
    static final double GROWTH_END = Math.E;

    /** dx/dt = x², x(0) = 1/2: x(t) = 1/(2 − t), so x(1) = 1 (nonlinear). */
    static final VelocityField BLOWUP = of((t, x) -> x * x);
    static final double BLOWUP_END = 1.0;
}
