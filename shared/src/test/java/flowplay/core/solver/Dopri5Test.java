package flowplay.core.solver;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Dopri5Test {
    private static final double[] TOLERANCES = {1e-3, 1e-4, 1e-5};

    /** Integrates dx/dt = 2t·x from x(0) = 1 with rtol = atol = tol; returns {error vs e, nfe, accepted, rejected}. */
    private static double[] growth(double tol) {
        float[] x = {1f};
        SolveResult r = Sampler.run(ScalarProblems.GROWTH, new Dopri5(tol, tol, 100_000), x, 1, TimeGrid.sampling(1), null);
        return new double[] {Math.abs(x[0] - Math.E), r.nfe(), r.acceptedSteps(), r.rejectedSteps()};
    }

    @Test
    void meetsItsTolerance() {
        for (double tol : TOLERANCES) {
            double[] r = growth(tol);
            System.out.println("dopri5 tol " + tol + ": error " + r[0] + ", nfe " + (int) r[1] + ", accepted " + (int) r[2]
                    + ", rejected " + (int) r[3]);
            // Local tolerance, global error: relative to |x| ≈ e, allow 10·tol.
            assertTrue(r[0] <= 10 * tol * Math.E, "tol " + tol + ": error " + r[0]);
            // Six evaluations per attempt plus the two of the starting-step heuristic.
            assertEquals(6 * (r[2] + r[3]) + 2, r[1], "tol " + tol);
        }
        // Tighter tolerance must cost more.
        assertTrue(growth(1e-5)[1] > growth(1e-3)[1]);
    }

    /** dx/dt = ω·y, dy/dt = −ω·x from (1, 0): a smooth field that turns ω/2π ≈ 1.6 times, x(1) = cos ω, y(1) = −sin ω. */
    private static final double OMEGA = 10;
    private static final flowplay.core.model.VelocityField ROTATION = new flowplay.core.model.VelocityField() {
        @Override
        public int dim() {
            return 2;
        }

        @Override
        public void velocity(float[] x, float t, int n, float[] out) {
            for (int i = 0; i < n; i++) {
                out[2 * i] = (float) (OMEGA * x[2 * i + 1]);
                out[2 * i + 1] = (float) (-OMEGA * x[2 * i]);
            }
        }
    };

    private static double rotationError(Integrator solver, TimeGrid grid, int[] nfe) {
        float[] x = {1f, 0f};
        nfe[0] = Sampler.run(ROTATION, solver, x, 1, grid, null).nfe();
        return Math.hypot(x[0] - Math.cos(OMEGA), x[1] + Math.sin(OMEGA));
    }

    /** At the error dopri5 reaches, the smallest uniform RK4 grid that is as accurate needs more evaluations. */
    @Test
    void beatsRk4AtEqualError() {
        for (double tol : new double[] {1e-4, 1e-5}) {
            int[] nfe = new int[1];
            double target = rotationError(new Dopri5(tol, tol, 100_000), TimeGrid.sampling(1), nfe);
            int dopriNfe = nfe[0];
            int steps = 1;
            while (rotationError(new FixedGrid(new Rk4()), TimeGrid.sampling(steps), nfe) > target) {
                steps++;
            }
            System.out.println("rotation tol " + tol + ": dopri5 error " + target + " with " + dopriNfe + " NFE; rk4 needs "
                    + steps + " steps = " + nfe[0] + " NFE");
            assertTrue(target <= 10 * tol, "dopri5 error " + target);
            assertTrue(dopriNfe < nfe[0], "dopri5 " + dopriNfe + " NFE vs rk4 " + nfe[0]);
        }
    }

    @Test
    void landsOnEveryGridTimeAndRecordsThere() {
        TimeGrid grid = TimeGrid.of(0, 0.1, 0.35, 0.4, 1);
        Trajectory trajectory = Trajectory.all();
        float[] x = {1f};
        Sampler.run(ScalarProblems.GROWTH, new Dopri5(1e-6, 1e-6, 10_000), x, 1, grid, trajectory);
        assertEquals(5, trajectory.frameCount());
        for (int k = 0; k < 5; k++) {
            double t = grid.time(k);
            assertEquals(t, trajectory.time(k));
            assertEquals(Math.exp(t * t), trajectory.frame(k)[0], 2e-5, "t = " + t);
        }
    }

    @Test
    void stopsWithAClearExceptionWhenOverBudget() {
        NfeBudgetExceededException e = assertThrows(NfeBudgetExceededException.class,
                () -> Sampler.run(ScalarProblems.GROWTH, new Dopri5(1e-6, 1e-6, 20), new float[] {1f}, 1, TimeGrid.sampling(1), null));
        assertEquals(20, e.maxNfe());
        assertTrue(e.getMessage().contains("20 function evaluations"), e.getMessage());
    }
}
