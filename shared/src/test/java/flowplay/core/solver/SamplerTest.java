package flowplay.core.solver;

import flowplay.core.model.VelocityField;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The uniform-grid entry point the page and the CLI use: trajectory layout, NFE and argument checks. */
class SamplerTest {
    private static final VelocityField DECAY = ScalarProblems.of((t, x) -> -x);

    /**
     * Gaussian to Gaussian: x0 ~ N(0,1), x1 ~ N(μ, s²), condot path. The marginal velocity is linear,
     * u(x,t) = μ + (x − tμ)·(t s² − (1 − t)) / ((1 − t)² + t² s²), and its flow maps x0 to μ + s·x0.
     */
    @Test
    void recordsEveryFrameOfTheExactGaussianFlow() {
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
