package flowplay.server.experiment;

/**
 * What the reference solve says about one trained model.
 *
 * @param referenceNfe evaluations dopri5 needed at {@link WhyFastConfig#REFERENCE_TOLERANCE}: the adaptive-solver cost
 *                     Lipman et al. compare
 * @param straightness mean |x1 − x0|² / ∫|u|² dt of the reference trajectories (1 = straight at constant speed)
 * @param energy       energy distance of the reference samples to the data: the model's quality with enough steps
 * @param floor        energy distance between two fresh draws of the data set of the same size: what a perfect model
 *                     would still show
 */
public record ModelStats(String dataset, String model, long seed, int referenceNfe, double straightness, double energy, double sw2,
                         double floor, double trainSeconds, double finalLoss) {
}
