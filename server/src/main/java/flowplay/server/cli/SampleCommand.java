package flowplay.server.cli;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.model.PredictionField;
import flowplay.core.model.VelocityField;
import flowplay.core.path.AffinePath;
import flowplay.core.path.ScheduleTransform;
import flowplay.core.path.Scheduler;
import flowplay.core.path.Schedulers;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.settings.Setting;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.core.solver.Integrator;
import flowplay.core.solver.NfeBudgetExceededException;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolveResult;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
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

/**
 * {@code sample}: push source points x0 through a checkpoint's flow from t = 0 to t = 1 and write the results as CSV.
 * x0 is either given ({@code --x0 points.csv}) or drawn from N(0, I) with {@code --n} and {@code --seed}. Any scheduler,
 * prediction and dimension a checkpoint holds; the time grid is clipped to where the field is finite, and said so.
 */
public final class SampleCommand implements Command {
    /** The eps used to clip the grid when the field is singular at an end, unless --eps says otherwise. */
    static final double DEFAULT_EPS = 1e-3;
    /** Trajectories are held in memory before they are written: at most this many numbers. */
    static final long MAX_TRAJECTORY_VALUES = 50_000_000L;

    /**
     * --steps, --n, --seed from the shared table; --solver is wider here (dopri5, em) than the web page's choice. The
     * comparison strip's rows (Settings.STRIP) are the page's alone: one sample run has no strip, so no such flags.
     */
    private final SettingFlags flags = new SettingFlags(withoutSolver());

    private static List<Setting> withoutSolver() {
        List<Setting> table = new ArrayList<>();
        for (Setting s : Settings.SAMPLE) {
            if (!s.name().equals("solver") && !Settings.STRIP.contains(s.name())) {
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
                        + "comma-separated, no header. Reports the function evaluations (NFE) on stderr.");
        spec.addOption(OptionSpec.builder("--checkpoint").paramLabel("FILE").type(String.class).required(true)
                .description("safetensors checkpoint (from train, the server, or PyTorch); any scheduler, prediction and dimension").build());
        Options.add(spec, "--solver", String.join("|", Solvers.names()),
                "euler (1 evaluation per step), midpoint (2), heun (2), rk4 (4), dopri5 (adaptive, reports at the --steps grid times), "
                        + "em (Euler–Maruyama SDE with noise --noise, 1); default heun");
        flags.addTo(spec);
        Options.add(spec, "--rtol", "R", "dopri5 relative tolerance, in (0, 1); default 1e-5");
        Options.add(spec, "--atol", "A", "dopri5 absolute tolerance, in (0, 1); default 1e-5");
        Options.add(spec, "--noise", "G", "em diffusion g ≥ 0 (finite); g = 0 is Euler exactly; default 0; its noise is seeded from --seed");
        Options.add(spec, "--schedule", String.join("|", Schedulers.names()),
                "Post-training schedule change: sample the checkpoint's field on this scheduler (same endpoints, other paths)");
        Options.add(spec, "--eps", "E", "Clip the time grid to [eps, 1 − eps] at an end where the field is singular, in [0, 0.1]; "
                + "default " + DEFAULT_EPS + " (only used where needed)");
        Options.add(spec, "--x0", "CSV", "Start points, d comma-separated numbers per line (instead of --n/--seed)");
        Options.add(spec, "--trajectories", "CSV", "Also write every point at every grid time: one line 'point,t,x1,…,xd' per "
                + "(point, frame), point = 0-based index, frames in time order");
        Options.add(spec, "--out", "FILE", "Output CSV (default: standard output)");
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) throws IOException {
        SettingValues values = flags.parse(parsed);
        String solverName = Options.string(parsed, "--solver", "heun");
        if (!Solvers.names().contains(solverName)) {
            throw new UsageException("invalid value for --solver: '" + solverName + "'; expected one of " + String.join(", ", Solvers.names()));
        }
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
        SolverParams defaults = SolverParams.defaults();
        double rtol = Options.number(parsed, "--rtol", defaults.rtol(), 0, true, 1, true);
        double atol = Options.number(parsed, "--atol", defaults.atol(), 0, true, 1, true);
        double noise = Options.number(parsed, "--noise", 0.0, 0, false, Double.MAX_VALUE, false);
        boolean givenEps = parsed.hasMatchedOption("--eps");
        double eps = Options.number(parsed, "--eps", DEFAULT_EPS, 0, false, 0.1, false);
        Scheduler schedule = null;
        if (parsed.hasMatchedOption("--schedule")) {
            String name = parsed.matchedOptionValue("--schedule", "");
            try {
                schedule = Schedulers.byName(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid value for --schedule: '" + name + "'; expected one of " + String.join(", ", Schedulers.names()));
            }
        }
        int steps = values.getInt("sampleSteps");
        long seed = values.getLong("noiseSeed");

        Path checkpointFile = Path.of(parsed.matchedOptionValue("--checkpoint", ""));
        Checkpoint checkpoint = Options.checkpoint("--checkpoint", checkpointFile, err);
        int dim = checkpoint.model().dim();

        boolean stochastic = solverName.equals("em") && noise > 0;
        if (stochastic && schedule != null) {
            throw new UsageException("--solver em with --noise > 0 needs the score of the field, which the --schedule change does not "
                    + "provide; drop --schedule or use --noise 0 or an ODE solver");
        }
        Plan plan = plan(checkpoint, schedule, stochastic, eps);
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
            n = values.getInt("samples");
            x = new float[n * dim];
            new Rng(seed).fillGaussian(x, 0, n * dim);
        }
        // em's noise stream: derived from --seed but not the same stream as x0.
        SolverParams params = defaults.withTolerances(rtol, atol).withNoise(noise, seed ^ 0x6a09e667f3bcc909L);
        Integrator integrator = Solvers.byName(solverName, params);
        TimeGrid grid = plan.clipped() ? TimeGrid.uniform(inward(plan.lo(), true), inward(plan.hi(), false), steps) : TimeGrid.sampling(steps);
        String trajectoryFile = Options.string(parsed, "--trajectories", null);
        if (trajectoryFile != null) {
            if (trajectoryFile.equals("-") && Options.string(parsed, "--out", "-").equals("-")) {
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
            result = Sampler.run(plan.field(), integrator, x, n, grid, trajectory);
        } catch (NfeBudgetExceededException e) {
            throw new UsageException("--rtol/--atol: " + e.getMessage());
        }
        double ms = (System.nanoTime() - start) / 1e6;

        String target = Options.string(parsed, "--out", "-");
        final float[] samples = x;
        final int count = n;
        Options.writeTo(target, out, w -> PointsCsv.write(w, samples, count, dim));
        if (trajectory != null) {
            Options.writeTo(trajectoryFile, out, w -> writeTrajectories(w, trajectory));
        }
        StringBuilder line = new StringBuilder();
        line.append(n).append(" points (d=").append(dim).append("), ").append(solverName).append(" with ").append(steps)
                .append(steps == 1 ? " step" : " steps");
        if (schedule != null) {
            line.append(" on ").append(schedule.name()).append(" (trained on ").append(checkpoint.scheduler().name()).append(')');
        }
        line.append(": NFE ").append(result.nfe());
        if (solverName.equals("dopri5")) {
            line.append(" (accepted ").append(result.acceptedSteps()).append(", rejected ").append(result.rejectedSteps()).append(')');
        }
        line.append(" in ").append(Math.round(ms)).append(" ms");
        if (!target.equals("-")) {
            line.append(" -> ").append(target);
        }
        if (trajectoryFile != null) {
            line.append(", ").append(trajectory.frameCount()).append(" frames -> ").append(trajectoryFile);
        }
        err.println(line);
        return 0;
    }

    /** The field to integrate and the interval it is finite on. */
    record Plan(VelocityField field, double lo, double hi, String reason) {
        boolean clipped() {
            return lo > 0 || hi < 1;
        }
    }

    /**
     * Where the checkpoint's field (and its score for em, or its schedule change) is finite: the velocity conversion of
     * the prediction, then the score's for the SDE, then the schedule change's, each clipping by eps at a singular end.
     */
    static Plan plan(Checkpoint checkpoint, Scheduler schedule, boolean needsScore, double eps) {
        PredictionField field = checkpoint.velocityField();
        AffinePath path = field.path();
        Prediction p = checkpoint.prediction();
        Scheduler trained = checkpoint.scheduler();
        // With eps = 0 the plan still clips by the default, so that the caller can refuse eps = 0 where it is needed.
        double e = eps > 0 ? eps : DEFAULT_EPS;
        List<String> reasons = new ArrayList<>();
        double[] v = path.safeTimes(p, Prediction.VELOCITY, e);
        if (v[0] > 0 || v[1] < 1) {
            reasons.add(p.id() + " prediction is singular at t=" + ends(v) + " on " + trained.name());
        }
        double lo = v[0];
        double hi = v[1];
        if (needsScore) {
            double[] s = path.safeTimes(p, Prediction.SCORE, e);
            if (s[0] > lo || s[1] < hi) {
                reasons.add("its score (for em's noise) is singular at t=" + ends(s));
            }
            lo = Math.max(lo, s[0]);
            hi = Math.min(hi, s[1]);
        }
        if (schedule == null) {
            return new Plan(field, lo, hi, String.join("; ", reasons));
        }
        ScheduleTransform transform = new ScheduleTransform(field, trained, schedule);
        double[] st = transform.safeTimes(e);
        String change = "the " + trained.name() + " → " + schedule.name() + " schedule change";
        if (trained.alpha(0.0) > 0 && st[0] > 0) {
            reasons.add(change + " starts at t=" + st[0] + ", where " + schedule.name() + " reaches " + trained.name()
                    + "'s starting signal-to-noise ratio, and is singular at t=1");
        } else {
            reasons.add(change + " is singular at t=" + ends(st));
        }
        // The trained field is evaluated at t_A = snrInverse_A(snr_B(t)): map its finite interval to the new clock.
        double fieldLo = lo > 0 ? schedule.snrInverse(trained.snr(lo)) : 0;
        double fieldHi = hi < 1 ? schedule.snrInverse(trained.snr(hi)) : 1;
        return new Plan(transform, Math.max(st[0], fieldLo), Math.min(st[1], fieldHi), String.join("; ", reasons));
    }

    /**
     * The float nearest to t on the inside of the interval: solvers evaluate fields at float times, and a clipped end
     * rounded outwards (below lo, above hi) would land on the singular side.
     */
    static double inward(double t, boolean lower) {
        float f = (float) t;
        if (lower && f < t) {
            f = Math.nextUp(f);
        } else if (!lower && f > t) {
            f = Math.nextDown(f);
        }
        return f;
    }

    static String ends(double[] safe) {
        if (safe[0] > 0 && safe[1] < 1) {
            return "0 and t=1";
        }
        return safe[0] > 0 ? "0" : "1";
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
