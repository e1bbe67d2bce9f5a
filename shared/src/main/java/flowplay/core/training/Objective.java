package flowplay.core.training;

import flowplay.core.coupling.Coupling;
import flowplay.core.coupling.Couplings;
import flowplay.core.path.AffinePath;
import flowplay.core.path.Scheduler;
import flowplay.core.path.scheduler.CondOt;
import flowplay.core.prediction.Prediction;

import java.util.Map;

/**
 * What a run learns: the path, what the network predicts on it, how errors are weighted over t, how x0 is paired with
 * x1, and which times are drawn. The network's architecture and the optimiser are elsewhere ({@code TrainConfig}).
 */
public record Objective(Scheduler scheduler, Prediction prediction, LossWeight lossWeight, String coupling,
                        Map<String, String> couplingParams, TimeSampler times) {
    /** The seed's recipe: condot path, velocity prediction, unweighted, independent coupling, t ~ U(0, 1). */
    public static Objective condotVelocity() {
        return new Objective(new CondOt(), Prediction.VELOCITY, LossWeight.NONE, "independent", Map.of(), TimeSampler.uniform());
    }

    public AffinePath path() {
        return new AffinePath(scheduler);
    }

    /** A fresh coupling (couplings keep scratch buffers, so each run gets its own). */
    public Coupling newCoupling() {
        return Couplings.byName(coupling, couplingParams);
    }
}
