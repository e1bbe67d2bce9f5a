package flowplay.core.solver;

/**
 * What an integration cost and what it covered. NFE counts batched field evaluations; fixed-grid solvers accept every
 * step and reject none. {@code clippedGrid} is true when the grid stopped short of 0 and 1 (see {@link TimeGrid#clipped()}).
 */
public record SolveResult(String solver, int nfe, int acceptedSteps, int rejectedSteps, double start, double end, boolean clippedGrid) {
}
