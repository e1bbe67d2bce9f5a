package flowplay.core.settings;

import flowplay.core.coupling.Couplings;
import flowplay.core.data.Datasets;
import flowplay.core.data.DigitImages;
import flowplay.core.data.Digits;
import flowplay.core.model.Activation;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.Schedulers;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.prediction.Prediction;
import flowplay.core.solver.Solvers;
import flowplay.core.training.LossWeight;
import flowplay.core.training.LrSchedule;
import flowplay.core.training.TimeSampler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of knobs. The server validates requests with it, the CLI generates its flags from it, and the browser
 * builds its controls and reads the URL hash from it, so a bound changed here changes everywhere at once.
 */
public final class Settings {
    public static final List<Setting> TRAIN = List.of(
            Setting.choice("dataset", "moons", Datasets.choices(),
                    "Target distribution p(x1) at t = 1: a built-in, a file data set, or your own points"),
            Setting.choice("conditioning", "class", List.of("class", "none"),
                    "class: the network also reads the digit's one-hot label c, so a sample can be asked for a class (with guidance);"
                            + " none: unconditional").onlyWhen("dataset", DigitImages.NAME),
            Setting.number("labelDropout", 0.1, 0.0, 1.0,
                    "With conditioning class: probability that a training label is replaced by the empty label ∅, which teaches the"
                            + " same network u(x, t | ∅) for classifier-free guidance").onlyWhen("dataset", DigitImages.NAME),
            Setting.choice("scheduler", "condot", Schedulers.names(),
                    "Path x_t = α_t·x1 + σ_t·x0. condot: α = t, σ = 1 − t (straight); polynomial: α = tⁿ, σ = 1 − tⁿ;"
                            + " vp: α = e^(−T/2), σ = √(1 − α²) with T = ½(1−t)²(β_max − β_min) + (1−t)β_min; linear-vp: α = t,"
                            + " σ = √(1 − t²); cosine: α = sin(πt/2), σ = cos(πt/2)"),
            Setting.number("polynomialN", 2.0, 0.1, 10.0, "Exponent n of the polynomial path α_t = tⁿ").onlyWhen("scheduler", "polynomial"),
            Setting.number("betaMin", 0.1, 0.001, 50.0, "β_min of the vp path (noise rate at the data end)").onlyWhen("scheduler", "vp"),
            Setting.number("betaMax", 20.0, 0.01, 100.0, "β_max of the vp path (noise rate at the noise end); above β_min")
                    .onlyWhen("scheduler", "vp"),
            Setting.choice("prediction", "velocity", Prediction.ids(),
                    "What the network predicts; each converts to a velocity. velocity: α̇·x1 + σ̇·x0; x1: the data point;"
                            + " x0: the noise; score: ∇log p_t = −x0/σ_t"),
            Setting.choice("lossWeight", "none", LossWeight.ids(),
                    "Weight w(t) of the squared error. none: 1; velocity: c(t)², the prediction's error measured as a"
                            + " velocity error (u = a(t)·x + c(t)·prediction; capped at " + (int) LossWeight.MAX_WEIGHT + ");"
                            + " sigma2: σ_t², denoising score matching's λ(t)"),
            Setting.choice("coupling", "independent", Couplings.names(),
                    "How x0 is paired with x1 per batch. independent: as drawn; minibatch-ot: exact optimal assignment;"
                            + " sinkhorn: entropic OT plan, sampled; dependent: x0 = m⊙x1 + (1−m)⊙noise with a random mask m"
                            + " given to the network (inpainting)"),
            Setting.number("sinkhornEpsilon", 0.05, 0.001, 10.0, "Entropic regularisation ε of the Sinkhorn plan, relative to the mean cost")
                    .onlyWhen("coupling", "sinkhorn"),
            Setting.number("maskKeep", 0.5, 0.0, 1.0, "Probability that a coordinate is observed (m = 1) in the dependent coupling")
                    .onlyWhen("coupling", "dependent"),
            Setting.choice("timeSampling", "uniform", TimeSampler.ids(),
                    "Training times t. uniform: U(0, 1); logit-normal: t = 1/(1 + e^−(m + s·z)), z ~ N(0, 1)"),
            Setting.number("timeMean", 0.0, -5.0, 5.0, "Location m of logit-normal time sampling").onlyWhen("timeSampling", "logit-normal"),
            Setting.number("timeStd", 1.0, 0.05, 5.0, "Scale s of logit-normal time sampling").onlyWhen("timeSampling", "logit-normal"),
            Setting.integer("steps", 5000, 1, 100_000, "Training steps (one Adam update on a fresh batch each)"),
            Setting.integer("batch", 256, 1, 4096, "Pairs (x0, x1) per step; x0 ~ N(0, I)"),
            Setting.number("lr", 0.01, 1e-6, 1.0, "Adam learning rate"),
            Setting.choice("lrSchedule", "constant", LrSchedule.ids(),
                    "constant: lr throughout; cosine: lr·½(1 + cos(π·(s − 1)/steps)) at step s, decaying towards 0"),
            Setting.number("ema", 0.0, 0.0, 0.99999,
                    "Decay of the exponential moving average of the weights, 0 = off; when on, checkpoints hold the EMA weights"
                            + " (decay warmed up as min(ema, (1 + s)/(10 + s)))"),
            Setting.integer("seed", 0, 0, Integer.MAX_VALUE, "Seed of the weights, batches, noise and times: same seed, same run"),
            Setting.integer("width", 64, 1, 1024, "Units in each hidden layer"),
            Setting.integer("depth", 3, 1, 8, "Hidden layers of the MLP with input concat(x, [mask,] τ(t))"),
            Setting.choice("activation", "elu", Choice.ids(Activation.values()), "Nonlinearity between layers"),
            Setting.choice("timeInput", "linear", List.of("linear", "fourier"),
                    "τ(t): linear = t; fourier = t, sin(2πjt), cos(2πjt) for j = 1..k"),
            Setting.integer("fourierK", 4, 1, TimeEmbedding.MAX_FREQUENCIES, "Harmonics k of the Fourier time features")
                    .onlyWhen("timeInput", "fourier"),
            Setting.integer("checkpointEvery", 250, 1, 100_000, "Send a checkpoint every this many steps (and at the end)"));

    public static final List<Setting> SAMPLE = List.of(
            Setting.choice("solver", "heun", Solvers.names(),
                    "Solver for dx/dt = u(x, t), evaluations per step: euler x += h·u (1), midpoint (2), heun trapezoid (2), rk4 classic "
                            + "Runge–Kutta (4), dopri5 adaptive Dormand–Prince 5(4) (reports at the grid times), em Euler–Maruyama SDE "
                            + "with noise g (1)"),
            Setting.number("rtol", 1e-5, 1e-12, 0.5, "dopri5 relative tolerance: a step is accepted when its error ≤ atol + rtol·|x|")
                    .onlyWhen("solver", "dopri5"),
            Setting.number("atol", 1e-5, 1e-12, 0.5, "dopri5 absolute tolerance").onlyWhen("solver", "dopri5"),
            Setting.number("sampleNoise", 0, 0, 10,
                    "em noise g: x += h·u + |h|·½g²·∇log p_t + g·√|h|·ξ, the SDE with the ODE's marginals; g = 0 is Euler exactly")
                    .withFlag("noise").onlyWhen("solver", "em"),
            Setting.choice("sampleSchedule", SampleConfig.TRAINED, scheduleChoices(),
                    "Post-training schedule change: sample the trained field on another scheduler through the same signal-to-noise "
                            + "ratios (same endpoints, other paths); trained = the checkpoint's own").withFlag("schedule"),
            Setting.integer("sampleSteps", 16, 1, 1000, "Solver steps from t = 0 (noise) to t = 1 (data); h = 1/steps").withFlag("steps"),
            Setting.integer("samples", 2048, 1, 100_000, "Points sampled from the model").withFlag("n"),
            Setting.number("guidance", 1.0, 0.0, 10.0,
                    "Classifier-free guidance w for a class-conditional model: u = (1 + w)·u(x, t | c) − w·u(x, t | ∅); 0 = the"
                            + " conditional field alone"),
            Setting.choice("label", "all", labelChoices(),
                    "Class c a class-conditional model is asked for; all: the classes in turn, sample i getting class i mod 10"),
            Setting.integer("noiseSeed", 1, 0, Integer.MAX_VALUE, "Seed of the source noise x0 ~ N(0, I), fixed so that redraws compare like with like")
                    .withFlag("seed"),
            // The comparison strip (page only: the CLI's sample command leaves these out, see STRIP).
            Setting.intList("stripSteps", "1,2,4,8,16,32", 1, 1000,
                    "Step counts N of the comparison strip: one panel per N, same model, same noise, the solver above"),
            Setting.choice("stripMetric", "energy", List.of("energy", "sliced-w2"),
                    "Distance of each strip panel's samples to the data set: energy distance or sliced squared W2"),
            Setting.integer("stripSamples", 4096, 16, 20_000, "Points sampled in each strip panel"));

    /** The rows of {@link #SAMPLE} that only the page's comparison strip reads. */
    public static final List<String> STRIP = List.of("stripSteps", "stripMetric", "stripSamples");

    private Settings() {
    }

    private static List<String> labelChoices() {
        List<String> choices = new ArrayList<>();
        choices.add("all");
        for (int c = 0; c < Digits.CLASSES; c++) {
            choices.add(Integer.toString(c));
        }
        return choices;
    }

    private static List<String> scheduleChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(SampleConfig.TRAINED);
        choices.addAll(Schedulers.names());
        return choices;
    }

    public static Setting find(List<Setting> table, String name) {
        for (Setting s : table) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Validates the given raw values against the table, fills defaults, and rejects names the table does not have. */
    public static SettingValues parse(List<Setting> table, Map<String, String> raw) {
        for (String name : raw.keySet()) {
            if (find(table, name) == null) {
                throw new SettingException(name, "unknown setting", "one of " + String.join(", ", names(table)));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting s : table) {
            String given = raw.get(s.name());
            values.put(s.name(), given == null ? s.defaultValue() : s.normalize(given));
        }
        return new SettingValues(values);
    }

    public static SettingValues defaults(List<Setting> table) {
        return parse(table, Map.of());
    }

    public static List<String> names(List<Setting> table) {
        List<String> names = new ArrayList<>();
        for (Setting s : table) {
            names.add(s.name());
        }
        return names;
    }
}
