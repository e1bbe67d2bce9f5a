package flowplay.core.solver;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeGridTest {
    @Test
    void uniformEndsExactlyAndClippingIsReported() {
        TimeGrid g = TimeGrid.uniform(0, 1, 3);
        assertEquals(3, g.steps());
        assertEquals(1.0, g.end());
        assertFalse(g.clipped());
        TimeGrid c = TimeGrid.clipped(4, 1e-3, false);
        assertEquals(1e-3, c.start());
        assertEquals(1 - 1e-3, c.end());
        assertTrue(c.clipped());
        TimeGrid back = TimeGrid.clipped(4, 1e-3, true);
        assertFalse(back.forward());
        assertEquals(1 - 1e-3, back.start());
        assertFalse(TimeGrid.clipped(4, 0, false).clipped());
    }

    @Test
    void rejectsNonMonotoneGrids() {
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0, 0.5, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0, 0.6, 0.4, 1));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.uniform(0, 1, 0));
    }

    /** A non-uniform grid, dense near t = 1, still converges: RK4 on 2t·x to e with the right order of error. */
    @Test
    void customGridConverges() {
        double[] times = new double[17];
        for (int k = 0; k <= 16; k++) {
            times[k] = Math.sin(0.5 * Math.PI * k / 16); // dense near 1
        }
        times[16] = 1;
        for (String name : Solvers.fixedStepNames()) {
            float[] x = {1f};
            SolveResult r = Sampler.run(ScalarProblems.GROWTH, Solvers.byName(name, SolverParams.defaults()), x, 1, TimeGrid.of(times), null);
            double bound = name.equals("euler") ? 0.3 : name.equals("rk4") ? 1e-5 : 1e-2;
            assertEquals(Math.E, x[0], bound, name);
            assertEquals(16, r.acceptedSteps());
        }
    }

    /** Integrating 0 → 1 and back 1 → 0 on the reversed grid returns to the start, for every deterministic solver. */
    @Test
    void backwardIntegrationUndoesForward() {
        double[] times = {0, 0.05, 0.2, 0.3, 0.55, 0.7, 0.9, 1};
        for (String name : new String[] {"euler", "midpoint", "heun", "rk4", "dopri5"}) {
            TimeGrid grid = name.equals("euler") ? TimeGrid.sampling(2000) : TimeGrid.of(times);
            double bound = name.equals("euler") ? 2e-3 : name.equals("rk4") || name.equals("dopri5") ? 1e-4 : 5e-3;
            float[] x = {0.5f};
            Integrator solver = Solvers.byName(name, SolverParams.defaults());
            Sampler.run(ScalarProblems.BLOWUP, solver, x, 1, grid, null);
            assertEquals(1.0, x[0], 2 * bound + 1e-2, name + " forward");
            Sampler.run(ScalarProblems.BLOWUP, solver, x, 1, grid.reversed(), null);
            assertEquals(0.5, x[0], bound, name + " back");
        }
    }
}
