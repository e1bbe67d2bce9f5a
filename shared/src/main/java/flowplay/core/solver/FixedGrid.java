package flowplay.core.solver;

import flowplay.core.model.VelocityField;

/** Runs a one-step {@link OdeSolver} across every interval of a grid; a negative step integrates backwards. */
public final class FixedGrid implements Integrator {
    private final OdeSolver step;

    public FixedGrid(OdeSolver step) {
        this.step = step;
    }

    public OdeSolver stepper() {
        return step;
    }

    @Override
    public String name() {
        return step.name();
    }

    @Override
    public SolveResult integrate(VelocityField u, float[] x, int n, TimeGrid grid, Trajectory trajectory) {
        if (trajectory != null) {
            trajectory.record(grid.start(), x, n, u.dim());
        }
        for (int k = 0; k < grid.steps(); k++) {
            double t = grid.time(k);
            step.step(u, x, n, (float) t, (float) (grid.time(k + 1) - t));
            if (trajectory != null) {
                trajectory.record(grid.time(k + 1), x, n, u.dim());
            }
        }
        return new SolveResult(step.name(), grid.steps() * step.evaluationsPerStep(), grid.steps(), 0, grid.start(), grid.end(),
                grid.clipped());
    }
}
