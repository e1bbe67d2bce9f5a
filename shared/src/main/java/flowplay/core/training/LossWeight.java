package flowplay.core.training;

import flowplay.core.path.Conversion;
import flowplay.core.path.Scheduler;
import flowplay.core.prediction.Prediction;
import flowplay.core.settings.Choice;

import java.util.List;

/**
 * The weight w(t) of a training point's squared error, loss = mean_i w(t_i)·|q(x_i, t_i) − target_i|² / dim. Every
 * prediction is an unbiased regression whatever w is (the minimiser is the same conditional mean at each t); w only
 * decides which times the network's capacity goes to.
 */
public enum LossWeight implements Choice {
    /** w = 1: the plain regression on the prediction's own target. */
    NONE("none"),
    /**
     * w = c(t)² with u = a(t)·x + c(t)·q the conversion of the prediction q to a velocity: since x is the same for the
     * prediction and its target, the weighted error is exactly the velocity error |u − u_target|², so every prediction
     * is trained for what the sampler integrates. c(t) blows up at singular ends (x0 at t=0 on condot), hence the cap.
     */
    VELOCITY("velocity"),
    /** w = σ_t²: λ(t) of denoising score matching, which turns the score loss into the noise-prediction loss. */
    SIGMA2("sigma2");

    /** Largest weight of any point, so that one point near a singular end cannot dominate a batch. */
    public static final double MAX_WEIGHT = 100.0;

    private final String id;

    LossWeight(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Choice.ids(values());
    }

    public static LossWeight parse(String id) {
        return Choice.parse(values(), id, "loss weight");
    }

    public double weight(Scheduler scheduler, Prediction prediction, double t) {
        double w;
        switch (this) {
            case NONE:
                return 1.0;
            case VELOCITY: {
                double c = Conversion.between(scheduler, prediction, Prediction.VELOCITY, t).predictionCoefficient();
                w = c * c;
                break;
            }
            case SIGMA2: {
                double sigma = scheduler.sigma(t);
                w = sigma * sigma;
                break;
            }
            default:
                throw new IllegalStateException(id);
        }
        return Double.isNaN(w) || w > MAX_WEIGHT ? MAX_WEIGHT : w;
    }
}
