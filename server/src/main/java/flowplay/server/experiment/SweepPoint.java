package flowplay.server.experiment;

/**
 * One cell of the sweep: a model (data set, recipe, training seed) sampled by one solver at one NFE, on the run's
 * source noise.
 *
 * @param error  mean |x − x_ref| over the points, x_ref the same noise solved by the reference solver on the same
 *               model; NaN for the stochastic sampler, whose samples do not converge to the ODE's
 * @param energy energy distance to a fresh draw of the data set
 * @param sw2    sliced squared 2-Wasserstein distance to the same draw
 */
public record SweepPoint(String dataset, String model, long seed, String solver, int nfe, int steps, double error, double energy,
                         double sw2) {
}
