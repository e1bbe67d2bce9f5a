package flowplay.server.cli;

import flowplay.core.sampling.SamplingPlan;
import flowplay.core.sampling.SampleConfig;
import flowplay.core.settings.SettingException;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.Digits;
import flowplay.core.model.Condition;
import flowplay.core.model.ConditionalField;
import flowplay.core.model.PredictionField;
import flowplay.core.model.VelocityField;
import flowplay.core.path.ScheduleTransform;
import flowplay.core.sampling.Guidance;
import flowplay.core.path.Scheduler;
import flowplay.core.rng.Rng;
import flowplay.core.settings.Setting;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.core.solver.Integrator;
import flowplay.core.solver.NfeBudgetExceededException;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.TimeGrid;
import flowplay.core.solver.Trajectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sample}: push source points x0 through a checkpoint's flow from t = 0 to t = 1 and write the results as CSV.
 * x0 is either given ({@code --x0 points.csv}) or drawn from N(0, I) with {@code --n} and {@code --seed}. Any scheduler,
 * prediction and dimension a checkpoint holds; the time grid is clipped to where the field is finite, and said so.
 */
public final class SampleCommand implements Command {
    /** The eps used to clip the grid when the field is singular at an end, unless --eps says otherwise. */
    /** Trajectories are held in memory before they are written: at most this many numbers. */
    static final long MAX_TRAJECTORY_VALUES = 50_000_000L;

    /**
     * --solver, --steps, --n, --seed, --rtol, --atol, --noise, --schedule from the shared table. The comparison strip's
     * rows (Settings.STRIP) are the page's alone: one sample run has no strip, so no such flags.
     */
    private final SettingFlags flags = new SettingFlags(withoutStrip());

    private static List<Setting> withoutStrip() {
        List<Setting> table = new ArrayList<>();
        for (Setting s : Settings.SAMPLE) {
            if (!Settings.STRIP.contains(s.name())) {
                table.add(s);
            }
        }
        return table;
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("sample").mixinStandardHelpOptions(true);
        spec.usageMessage().description(
                "Sample from a checkpoint: integrate x0 ~ N(0, I) (or --x0) from t = 0 to t = 1 and write one point per line, "
                        + "comma-separated, no header. A class-conditional model (digits) draws --label's classes under "
                        + "classifier-free guidance --guidance. Reports the function evaluations (NFE) on stderr.");
        spec.addOption(OptionSpec.builder("--checkpoint").paramLabel("FILE").type(String.class).required(true)
                .description("safetensors checkpoint (from train, the server, or PyTorch); any scheduler, prediction and dimension").build());
        flags.addTo(spec);
        Options.add(spec, "--eps", "E", "Clip the time grid to [eps, 1 − eps] at an end where the field is singular, in [0, 0.1]; "
                + "default " + SamplingPlan.DEFAULT_EPS + " (only used where needed)");
        Options.add(spec, "--x0", "CSV", "Start points, d comma-separated numbers per line (instead of --n/--seed)");
        Options.add(spec, "--trajectories", "CSV", "Also write every point at every grid time: one line 'point,t,x1,…,xd' per "
                + "(point, frame), point = 0-based index, frames in time order");
        Options.add(spec, "--png", "FILE", "Also draw the samples of a 64-D digit model as 8×8 digits, " + DigitGrid.COLUMNS
                + " to a row, dark ink on white, into a greyscale PNG (at most " + DigitGrid.MAX_SAMPLES + " samples)");
        Options.add(spec, "--out", "FILE", "Output CSV; a class-conditional model's lines end with the sample's label "
                + "(default: standard output, or none when --png is given)");
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) throws IOException {
        SettingValues values = flags.parse(parsed);
        String solverName = values.getString("solver");
        boolean givenX0 = parsed.hasMatchedOption("--x0");
        if (givenX0 && parsed.hasMatchedOption("--n")) {
            throw new UsageException("--x0 gives the start points; it cannot be combined with --n");
        }
        if (givenX0 && parsed.hasMatchedOption("--seed") && !solverName.equals("em")) {
            throw new UsageException("--x0 gives the start points; it cannot be combined with --seed (which seeds x0, and em's noise)");
        }
        for (String f : new String[] {"--rtol", "--atol"}) {
            if (parsed.hasMatchedOption(f) && !solverName.equals("dopri5")) {
                throw new UsageException(f + " applies to --solver dopri5 only (solver is " + solverName + ")");
            }
        }
        if (parsed.hasMatchedOption("--noise") && !solverName.equals("em")) {
            throw new UsageException("--noise applies to --solver em only (solver is " + solverName + ")");
        }
        SampleConfig config;
        try {
            config = SampleConfig.from(values);
        } catch (SettingException e) {
            throw flags.usage(e);
        }
        boolean givenEps = parsed.hasMatchedOption("--eps");
        double eps = Options.number(parsed, "--eps", SamplingPlan.DEFAULT_EPS, 0, false, 0.1, false);
        Scheduler schedule = config.schedule();
        int steps = config.steps();
        long seed = config.noiseSeed();

        Path checkpointFile = Path.of(parsed.matchedOptionValue("--checkpoint", ""));
        Checkpoint checkpoint = Options.checkpoint("--checkpoint", checkpointFile, err);
        int dim = checkpoint.model().dim();
        Condition condition = checkpoint.model().condition();
        Guidance guidance = Guidance.from(values);
        String png = Options.string(parsed, "--png", null);
        if (png != null && dim != Digits.PIXELS) {
            throw new UsageException("--png draws 8×8 digits: it needs a " + Digits.PIXELS + "-D model, " + checkpointFile + " has d=" + dim);
        }
        if (condition.labelled() && config.stochastic()) {
            throw new UsageException("--noise " + values.getString("sampleNoise") + ": the stochastic sampler needs the score of the field, "
                    + "which a class-conditional model under guidance does not give; use --noise 0 or another solver");
        }

        PredictionField trained = checkpoint.velocityField();
        SamplingPlan plan = config.plan(trained, eps);
        if (plan.clipped() && eps == 0) {
            throw new UsageException("invalid value for --eps: 0, but " + plan.reason() + "; expected a number in (0, 0.1]");
        }

        float[] x;
        int n;
        if (givenX0) {
            PointsCsv.Points points = PointsCsv.read("--x0", Path.of(parsed.matchedOptionValue("--x0", "")), dim);
            x = points.data();
            n = points.n();
        } else {
            n = config.samples();
            x = new float[n * dim];
            new Rng(seed).fillGaussian(x, 0, n * dim);
        }
        int[] labels = SampleClasses.labels(guidance, Guidance.from(flags.parse(Map.of())), condition, checkpointFile, n);
        if (png != null && n > DigitGrid.MAX_SAMPLES) {
            throw new UsageException("--png draws at most " + DigitGrid.MAX_SAMPLES + " samples, " + n + " asked; lower --n");
        }
        VelocityField field = plan.field();
        if (labels != null) {
            ConditionalField conditional = new ConditionalField(trained, condition);
            conditional.labels(labels, guidance.w());
            // The schedule change acts on whatever velocity it is given: here the guided one.
            field = schedule == null ? conditional : new ScheduleTransform(conditional, checkpoint.scheduler(), schedule);
        }
        Integrator integrator = config.integrator();
        TimeGrid grid = plan.grid(steps);
        String target = Options.string(parsed, "--out", png == null ? "-" : null);
        String trajectoryFile = Options.string(parsed, "--trajectories", null);
        if (trajectoryFile != null) {
            if (trajectoryFile.equals("-") && "-".equals(target)) {
                throw new UsageException("--trajectories - and the samples would both go to standard output; give --out or a --trajectories file");
            }
            long numbers = (long) n * (grid.steps() + 1) * (dim + 2);
            if (numbers > MAX_TRAJECTORY_VALUES) {
                throw new UsageException("--trajectories: " + n + " points × " + (grid.steps() + 1) + " frames × " + (dim + 2)
                        + " columns is more than " + MAX_TRAJECTORY_VALUES + " values; lower --n or --steps");
            }
        }
        Trajectory trajectory = trajectoryFile == null ? null : Trajectory.all();

        if (plan.clipped()) {
            err.println(String.format(Locale.ROOT, "grid clipped to [%s, %s]: %s%s", plan.lo(), plan.hi(), plan.reason(),
                    givenEps ? "" : " (eps " + eps + ", see --eps)"));
        }
        long start = System.nanoTime();
        SolveResult result;
        try {
            result = Sampler.run(field, integrator, x, n, grid, trajectory);
        } catch (NfeBudgetExceededException e) {
            throw new UsageException("--rtol/--atol: " + e.getMessage());
        }
        double ms = (System.nanoTime() - start) / 1e6;

        final float[] samples = x;
        final int count = n;
        if (target != null) {
            Options.writeTo(target, out, w -> PointsCsv.write(w, samples, count, dim, labels));
        }
        if (png != null) {
            DigitGrid.write(Path.of(png), samples, count);
        }
        if (trajectory != null) {
            Options.writeTo(trajectoryFile, out, w -> writeTrajectories(w, trajectory));
        }
        StringBuilder line = new StringBuilder();
        line.append(n).append(" points (d=").append(dim).append("), ").append(solverName).append(" with ").append(steps)
                .append(steps == 1 ? " step" : " steps");
        if (labels != null) {
            line.append(", ").append(SampleClasses.describe(guidance, condition));
        }
        if (schedule != null) {
            line.append(" on ").append(schedule.name()).append(" (trained on ").append(checkpoint.scheduler().name()).append(')');
        }
        line.append(": NFE ").append(result.nfe());
        if (labels != null && guidance.w() > 0) {
            // Guidance evaluates the network twice per field evaluation: u(x, t | c) and u(x, t | ∅).
            line.append(" (").append(2L * result.nfe()).append(" network passes, guided)");
        }
        if (solverName.equals("dopri5")) {
            line.append(" (accepted ").append(result.acceptedSteps()).append(", rejected ").append(result.rejectedSteps()).append(')');
        }
        line.append(" in ").append(Math.round(ms)).append(" ms");
        if (target != null && !target.equals("-")) {
            line.append(" -> ").append(target);
        }
        if (png != null) {
            line.append(", image -> ").append(png);
        }
        if (trajectoryFile != null) {
            line.append(", ").append(trajectory.frameCount()).append(" frames -> ").append(trajectoryFile);
        }
        err.println(line);
        return 0;
    }

    private static void writeTrajectories(java.io.Writer w, Trajectory trajectory) throws IOException {
        int points = trajectory.points();
        int dim = trajectory.dim();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points; i++) {
            for (int k = 0; k < trajectory.frameCount(); k++) {
                float[] frame = trajectory.frame(k);
                line.setLength(0);
                line.append(i).append(',').append(trajectory.time(k));
                for (int d = 0; d < dim; d++) {
                    line.append(',').append(frame[i * dim + d]);
                }
                line.append('\n');
                w.write(line.toString());
            }
        }
    }
}
