package flowplay.core.likelihood;

import flowplay.core.solver.SolveResult;

/**
 * Per point: {@code logP1} = log p_1(x_1), {@code x0} (n×dim) where the flow sends it at the source end, and
 * {@code divergenceIntegral} = ∫ div u_t(x_t) dt over the grid. {@code solve} has the cost in evaluations of the
 * augmented field (Hutchinson with K probes costs K model passes per evaluation) and whether the grid was clipped.
 */
public record LikelihoodResult(float[] logP1, float[] x0, float[] divergenceIntegral, SolveResult solve) {
}
