package flowplay.server.cli;

import flowplay.core.sampling.SamplingPlan;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.likelihood.Likelihood;
import flowplay.core.likelihood.LikelihoodResult;
import flowplay.core.likelihood.Probe;
import flowplay.core.model.PredictionField;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.FixedGrid;
import flowplay.core.solver.Rk4;
import flowplay.core.solver.TimeGrid;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code likelihood}: log p_1(x) of each input point under a checkpoint's flow, by integrating the instantaneous change
 * of variables backwards from t = 1 to t = 0 with RK4: the exact divergence (the MLP's Jacobian trace) or Hutchinson's
 * estimator with K Rademacher probes. Default: exact for d ≤ 8, else Hutchinson with 16 probes.
 */
public final class LikelihoodCommand implements Command {
    static final int EXACT_MAX_DIM = 8;
    static final int DEFAULT_PROBES = 16;
    static final int DEFAULT_STEPS = 100;

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("likelihood").mixinStandardHelpOptions(true);
        spec.usageMessage().description("log p1(x) of points under a checkpoint's flow (continuous change of variables, RK4 from t = 1 "
                + "back to t = 0); writes one number per input point per line. Default: --exact for d ≤ " + EXACT_MAX_DIM
                + ", else --hutchinson " + DEFAULT_PROBES + ".");
        spec.addOption(OptionSpec.builder("--checkpoint").paramLabel("FILE").type(String.class).required(true)
                .description("safetensors checkpoint; any scheduler, prediction and dimension").build());
        spec.addOption(OptionSpec.builder("--points").paramLabel("CSV").type(String.class).required(true)
                .description("Points x, d comma-separated numbers per line, no header").build());
        Options.flag(spec, "--exact", "Exact divergence via the network's Jacobian (d passes' worth per evaluation)");
        Options.add(spec, "--hutchinson", "K", "Hutchinson trace estimator with K Rademacher probes (fixed along the path), K in [1, 10000]");
        Options.add(spec, "--steps", "N", "RK4 steps from t = 1 to t = 0, in [1, 100000]; default " + DEFAULT_STEPS);
        Options.add(spec, "--seed", "S", "Seed of the Hutchinson probes, in [0, 2147483647]; default 0");
        Options.add(spec, "--eps", "E", "Clip the grid to [eps, 1 − eps] at an end where the prediction is singular, in (0, 0.1]; "
                + "default " + SamplingPlan.DEFAULT_EPS + " (only used where needed)");
        Options.add(spec, "--out", "FILE", "Output: one log-density per line (default: standard output)");
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) throws IOException {
        boolean exactFlag = parsed.hasMatchedOption("--exact");
        boolean hutchFlag = parsed.hasMatchedOption("--hutchinson");
        if (exactFlag && hutchFlag) {
            throw new UsageException("--exact and --hutchinson exclude each other; give one");
        }
        int probes = Options.integer(parsed, "--hutchinson", DEFAULT_PROBES, 1, 10_000);
        int steps = Options.integer(parsed, "--steps", DEFAULT_STEPS, 1, 100_000);
        int seed = Options.integer(parsed, "--seed", 0, 0, Integer.MAX_VALUE);
        if (parsed.hasMatchedOption("--seed") && exactFlag) {
            throw new UsageException("--seed seeds the Hutchinson probes; it has no effect with --exact");
        }
        double eps = Options.number(parsed, "--eps", SamplingPlan.DEFAULT_EPS, 0, true, 0.1, false);

        Checkpoint checkpoint = Options.checkpoint("--checkpoint", Path.of(parsed.matchedOptionValue("--checkpoint", "")), err);
        int dim = checkpoint.model().dim();
        if (checkpoint.model().condition().labelled()) {
            err.println("note: the checkpoint is class-conditional (condition " + checkpoint.model().condition().id()
                    + "); log p1 is that of its unlabelled field u(x, t | ∅)");
        }
        PointsCsv.Points points = PointsCsv.read("--points", Path.of(parsed.matchedOptionValue("--points", "")), dim);
        boolean exact = exactFlag || (!hutchFlag && dim <= EXACT_MAX_DIM);

        PredictionField field = checkpoint.velocityField();
        double[] safe = field.path().safeTimes(checkpoint.prediction(), Prediction.VELOCITY, eps);
        boolean clipped = safe[0] > 0 || safe[1] < 1;
        if (clipped) {
            err.println("grid clipped to [" + safe[0] + ", " + safe[1] + "]: " + checkpoint.prediction().id()
                    + " prediction is singular at t=" + SamplingPlan.ends(safe) + " on " + checkpoint.scheduler().name()
                    + " (log p1 is then that of the flow between these times, with N(0, I) at the lower one)");
        }
        TimeGrid grid = TimeGrid.uniform(safe[1], safe[0], steps);
        long start = System.nanoTime();
        LikelihoodResult result = exact
                ? Likelihood.exact(field, points.data(), points.n(), new FixedGrid(new Rk4()), grid)
                : Likelihood.hutchinson(field, points.data(), points.n(), probes, Probe.RADEMACHER, new Rng(seed), new FixedGrid(new Rk4()), grid);
        double ms = (System.nanoTime() - start) / 1e6;
        float[] logP = result.logP1();
        for (float v : logP) {
            if (!Float.isFinite(v)) {
                throw new UsageException("--points: log p1 is not finite for some points (the flow diverged); try more --steps");
            }
        }
        String target = Options.string(parsed, "--out", "-");
        Options.writeTo(target, out, w -> {
            for (float v : logP) {
                w.write(Float.toString(v));
                w.write('\n');
            }
        });
        double mean = 0;
        for (float v : logP) {
            mean += v / (double) logP.length;
        }
        err.println(String.format(Locale.ROOT, "%d points (d=%d), %s, rk4 with %d steps: NFE %d, mean log p1 %.4f in %d ms%s",
                points.n(), dim, exact ? "exact divergence" : "Hutchinson with " + probes + " probes", steps, result.solve().nfe(), mean,
                Math.round(ms), target.equals("-") ? "" : " -> " + target));
        return 0;
    }
}
