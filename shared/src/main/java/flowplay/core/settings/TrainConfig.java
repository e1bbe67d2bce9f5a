package flowplay.core.settings;

import flowplay.core.model.Activation;
import flowplay.core.model.NetworkInput;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.Scheduler;
import flowplay.core.path.Schedulers;
import flowplay.core.prediction.Prediction;
import flowplay.core.training.LossWeight;
import flowplay.core.training.LrSchedule;
import flowplay.core.training.Objective;
import flowplay.core.training.TimeSampler;

import java.util.LinkedHashMap;
import java.util.Map;

/** The validated training settings, typed: what is learned ({@link Objective}), the network, and the optimiser. */
public record TrainConfig(String dataset, Objective objective, int steps, int batch, double lr, LrSchedule lrSchedule, double ema,
                          long seed, int width, int depth, Activation activation, TimeEmbedding timeInput, int checkpointEvery) {
    /**
     * Builds the typed config and checks what one row alone cannot: β_min below β_max, and the score only with an
     * independent N(0, I) source (−E[x0|x_t]/σ_t is the score only then). Throws {@link SettingException} naming the field.
     */
    public static TrainConfig from(SettingValues v) {
        Scheduler scheduler = scheduler(v);
        Prediction prediction = Prediction.parse(v.getString("prediction"));
        String coupling = v.getString("coupling");
        if (prediction == Prediction.SCORE && !"independent".equals(coupling)) {
            throw new SettingException("coupling", "the score prediction needs an independent Gaussian source, not '" + coupling + "'",
                    "independent when prediction is score");
        }
        Map<String, String> couplingParams = new LinkedHashMap<>();
        if ("sinkhorn".equals(coupling)) {
            couplingParams.put("epsilon", v.getString("sinkhornEpsilon"));
        } else if ("dependent".equals(coupling)) {
            couplingParams.put("keep", v.getString("maskKeep"));
        }
        TimeSampler times = new TimeSampler(v.getString("timeSampling"), v.getDouble("timeMean"), v.getDouble("timeStd"));
        Objective objective = new Objective(scheduler, prediction, LossWeight.parse(v.getString("lossWeight")), coupling,
                couplingParams, times);
        TimeEmbedding time = "fourier".equals(v.getString("timeInput")) ? TimeEmbedding.fourier(v.getInt("fourierK")) : TimeEmbedding.LINEAR;
        return new TrainConfig(v.getString("dataset"), objective, v.getInt("steps"), v.getInt("batch"), v.getDouble("lr"),
                LrSchedule.parse(v.getString("lrSchedule")), v.getDouble("ema"), v.getLong("seed"), v.getInt("width"), v.getInt("depth"),
                Activation.parse(v.getString("activation")), time, v.getInt("checkpointEvery"));
    }

    private static Scheduler scheduler(SettingValues v) {
        String name = v.getString("scheduler");
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("scheduler", name);
        if ("polynomial".equals(name)) {
            description.put("n", Double.valueOf(v.getDouble("polynomialN")));
        } else if ("vp".equals(name)) {
            double betaMin = v.getDouble("betaMin");
            double betaMax = v.getDouble("betaMax");
            if (!(betaMax > betaMin)) {
                throw new SettingException("betaMax", betaMax + " is not above betaMin " + betaMin, "number above betaMin, at most 100");
            }
            description.put("beta_min", Double.valueOf(betaMin));
            description.put("beta_max", Double.valueOf(betaMax));
        }
        return Schedulers.fromMap(description);
    }

    /** The rows the network reads for data in R^dim: x, the coupling's condition (an inpainting mask, or none), τ(t). */
    public NetworkInput networkInput(int dim) {
        return new NetworkInput(dim, objective.newCoupling().conditionDim(dim), timeInput);
    }

    /** concat(x, [mask,] τ(t)) in, {@code depth} hidden layers of {@code width}, the prediction in R^dim out. */
    public int[] layerSizes(int dim) {
        int[] sizes = new int[depth + 2];
        sizes[0] = networkInput(dim).width();
        for (int i = 1; i <= depth; i++) {
            sizes[i] = width;
        }
        sizes[depth + 1] = dim;
        return sizes;
    }
}
