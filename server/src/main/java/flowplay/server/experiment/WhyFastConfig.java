package flowplay.server.experiment;

import flowplay.core.settings.Setting;

import java.nio.file.Path;
import java.util.List;

/**
 * What one "Why fast?" run does: for every data set × {@link Recipe} × seed, train with {@code stepsTrain} steps, then
 * sample {@code samples} points of the same source noise with every solver at every NFE of {@link #NFES}.
 *
 * @param noise   g of the stochastic (Euler–Maruyama) sampler used on the score model
 * @param threads models trained and measured at once
 */
public record WhyFastConfig(List<String> datasets, long[] seeds, int stepsTrain, int samples, double noise, int threads, Path out) {
    /** The NFE budgets of the sweep; a solver with k evaluations per step runs the ones divisible by k. */
    public static final int[] NFES = {1, 2, 4, 8, 16, 32, 64, 128};
    public static final List<String> SOLVERS = List.of("euler", "midpoint", "heun", "rk4");
    /** The stochastic sampler, run on the score model (one evaluation per step). */
    public static final String STOCHASTIC = "em";
    /** The reference solve: dopri5 this tight is far below every fixed-step error measured (float32 floor ≈ 1e-6). */
    public static final double REFERENCE_TOLERANCE = 1e-6;
    /** Seeds of the source noise and of the fresh data sets, offset per training seed and far from the training seeds. */
    public static final long NOISE_SEED = 1_000L;
    public static final long DATA_SEED = 1_000_000L;
    public static final long FLOOR_SEED = 2_000_000L;
    /** The NFEs shown in the sample grid. */
    public static final int[] GRID_NFES = {1, 2, 4, 8};
    public static final String DEFAULT_DATASETS = "moons,checkerboard,8gaussians";

    /**
     * The experiment's own knobs as a settings table, so its flags are validated and described like every other
     * command's (the data sets, a list of names, are checked by the command against the data set choices).
     */
    public static final List<Setting> FLAGS = List.of(
            Setting.integer("stepsTrain", 20_000, 100, 100_000, "Training steps of every model (the equal budget)").withFlag("steps-train"),
            Setting.intList("seeds", "0,1,2", 0, Integer.MAX_VALUE, "Training seeds: every model is trained once per seed (error bars)"),
            Setting.integer("samples", 1000, 64, 20_000, "Source points sampled per model, solver and NFE; also the size of the data draws"),
            Setting.number("noise", 1.0, 0.0, 10.0, "g of the stochastic Euler–Maruyama sampler run on the score model"),
            Setting.integer("threads", 2, 1, 64, "Models trained and measured at once"));
}
