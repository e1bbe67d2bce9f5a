package flowplay.core.solver;

import flowplay.core.model.VelocityField;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SolverConvergenceTest {
    /** dx/dt = −x, so x(1) = x(0)·e^{−1}. */
    private static final VelocityField DECAY = new VelocityField() {
        @Override
        public int dim() {
            return 1;
        }

        @Override
        public void velocity(float[] x, float t, int n, float[] out) {
            for (int i = 0; i < n; i++) {
                out[i] = -x[i];
            }
        }
    };

    private static double error(String solver, int steps) {
        float[] x = {1f};
        Sampler.integrate(DECAY, Solvers.byName(solver), x, 1, steps, null);
        return Math.abs(x[0] - Math.exp(-1));
    }

    /** Observed order from halving the step: log2(e(h) / e(h/2)). */
    private static double order(String solver, int steps) {
        return Math.log(error(solver, steps) / error(solver, 2 * steps)) / Math.log(2);
    }

    @Test
    void eulerIsFirstOrder() {
        for (int steps : new int[] {8, 16, 32}) {
            assertEquals(1.0, order("euler", steps), 0.1, "steps " + steps);
        }
    }

    @Test
    void heunIsSecondOrder() {
        for (int steps : new int[] {4, 8, 16}) {
            assertEquals(2.0, order("heun", steps), 0.15, "steps " + steps);
        }
    }

    @Test
    void oneEulerStepIsExactlyTheFirstTaylorTerm() {
        assertEquals(0.0, error("euler", 1) - Math.exp(-1), 1e-7);
        assertEquals(Math.abs(0.5 - Math.exp(-1)), error("heun", 1), 1e-7);
    }

    /**
     * Gaussian to Gaussian: x0 ~ N(0,1), x1 ~ N(μ, s²), condot path. The marginal velocity is linear,
     * u(x,t) = μ + (x − tμ)·(t s² − (1 − t)) / ((1 − t)² + t² s²), and its flow maps x0 to μ + s·x0.
     */
    @Test
    void integratesTheExactGaussianFlow() {
        double mu = 1.5;
        double s = 0.4;
        VelocityField u = new VelocityField() {
            @Override
            public int dim() {
                return 1;
            }

            @Override
            public void velocity(float[] x, float tf, int n, float[] out) {
                double t = tf;
                double var = (1 - t) * (1 - t) + t * t * s * s;
                for (int i = 0; i < n; i++) {
                    out[i] = (float) (mu + (x[i] - t * mu) * (t * s * s - (1 - t)) / var);
                }
            }
        };
        float[] x = {-2f, -0.5f, 0f, 1f, 2.5f};
        float[] x0 = x.clone();
        int steps = 256;
        float[] trajectory = new float[(steps + 1) * x.length];
        int nfe = Sampler.integrate(u, Solvers.byName("heun"), x, x.length, steps, trajectory);
        assertEquals(2 * steps, nfe);
        for (int i = 0; i < x.length; i++) {
            assertEquals(mu + s * x0[i], x[i], 3e-5);
            assertEquals(x0[i], trajectory[i]);
            assertEquals(x[i], trajectory[steps * x.length + i]);
        }
    }

    @Test
    void rejectsUnknownSolversAndZeroSteps() {
        assertThrows(IllegalArgumentException.class, () -> Solvers.byName("rk45"));
        assertThrows(IllegalArgumentException.class, () -> Sampler.integrate(DECAY, new Euler(), new float[1], 1, 0, null));
    }
}
