package flowplay.core.settings;

import flowplay.core.data.Dataset;
import flowplay.core.data.DigitImages;
import flowplay.core.data.Digits;
import flowplay.core.data.LabelledDataset;
import flowplay.core.model.Activation;
import flowplay.core.model.Condition;
import flowplay.core.model.NetworkInput;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.Scheduler;
import flowplay.core.path.Schedulers;
import flowplay.core.prediction.Prediction;
import flowplay.core.training.LossWeight;
import flowplay.core.training.LrSchedule;
import flowplay.core.training.Objective;
import flowplay.core.training.TimeSampler;
import flowplay.core.training.TrainingBatch;

import java.util.LinkedHashMap;
import java.util.Map;

/** The validated training settings, typed: what is learned ({@link Objective}), the network, and the optimiser. */
public record TrainConfig(String dataset, Objective objective, int steps, int batch, double lr, LrSchedule lrSchedule, double ema,
                          long seed, int width, int depth, Activation activation, TimeEmbedding timeInput, int checkpointEvery,
                          boolean classConditional, double labelDropout) {
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
            if (DigitImages.NAME.equals(v.getString("dataset"))) {
                // Holes an image has: boxes, halves and scattered pixels, not independent coordinates.
                couplingParams.put("mask", "image");
                couplingParams.put("width", Integer.toString(Digits.SIDE));
                couplingParams.put("height", Integer.toString(Digits.SIDE));
            }
        }
        TimeSampler times = new TimeSampler(v.getString("timeSampling"), v.getDouble("timeMean"), v.getDouble("timeStd"));
        Objective objective = new Objective(scheduler, prediction, LossWeight.parse(v.getString("lossWeight")), coupling,
                couplingParams, times);
        TimeEmbedding time = "fourier".equals(v.getString("timeInput")) ? TimeEmbedding.fourier(v.getInt("fourierK")) : TimeEmbedding.LINEAR;
        return new TrainConfig(v.getString("dataset"), objective, v.getInt("steps"), v.getInt("batch"), v.getDouble("lr"),
                LrSchedule.parse(v.getString("lrSchedule")), v.getDouble("ema"), v.getLong("seed"), v.getInt("width"), v.getInt("depth"),
                Activation.parse(v.getString("activation")), time, v.getInt("checkpointEvery"),
                "class".equals(v.getString("conditioning")), v.getDouble("labelDropout"));
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

    /**
     * What the network is conditioned on for this data: the coupling's inpainting mask (dependent) and, for
     * class-conditional training on labelled data, the one-hot label.
     */
    public Condition condition(Dataset data) {
        boolean mask = objective.newCoupling().conditionDim(data.dim()) > 0;
        int classes = classConditional && data instanceof LabelledDataset labelled ? labelled.classes() : 0;
        return new Condition(mask, classes);
    }

    /** The rows the network reads for this data: x, the {@link #condition}, τ(t). */
    public NetworkInput networkInput(Dataset data) {
        return new NetworkInput(data.dim(), condition(data).width(data.dim()), timeInput);
    }

    /** The batches this config trains on, for this data. */
    public TrainingBatch batches(Dataset data) {
        return new TrainingBatch(objective, condition(data), labelDropout, networkInput(data), batch);
    }

    /** concat(x, c, τ(t)) in, {@code depth} hidden layers of {@code width}, the prediction in R^dim out. */
    public int[] layerSizes(Dataset data) {
        NetworkInput input = networkInput(data);
        int dim = input.dim();
        int[] sizes = new int[depth + 2];
        sizes[0] = input.width();
        for (int i = 1; i <= depth; i++) {
            sizes[i] = width;
        }
        sizes[depth + 1] = dim;
        return sizes;
    }
}
