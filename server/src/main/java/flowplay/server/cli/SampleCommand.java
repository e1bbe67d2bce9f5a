package flowplay.server.cli;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.checkpoint.CheckpointFormatException;
import flowplay.core.rng.Rng;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;
import flowplay.core.solver.OdeSolver;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.Solvers;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code sample}: push source points x0 through a checkpoint's flow from t = 0 to t = 1 and write the results as CSV.
 * x0 is either given ({@code --x0 points.csv}) or drawn from N(0, I) with {@code --n} and {@code --seed}.
 */
public final class SampleCommand implements Command {
    private final SettingFlags flags = new SettingFlags(Settings.SAMPLE);

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("sample").mixinStandardHelpOptions(true);
        spec.usageMessage().description("Sample from a checkpoint with an ODE solver; writes x,y lines without a header.");
        spec.addOption(OptionSpec.builder("--checkpoint").paramLabel("FILE").type(String.class).required(true)
                .description("safetensors checkpoint (from train, the server, or PyTorch)").build());
        flags.addTo(spec);
        spec.addOption(OptionSpec.builder("--x0").paramLabel("CSV").type(String.class)
                .description("Start points, one 'x,y' per line (instead of --n/--seed)").build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("FILE").type(String.class)
                .description("Output CSV (default: standard output)").build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) throws IOException {
        SettingValues values = flags.parse(parsed);
        boolean givenX0 = parsed.hasMatchedOption("--x0");
        if (givenX0 && (parsed.hasMatchedOption("--n") || parsed.hasMatchedOption("--seed"))) {
            throw new UsageException("--x0 gives the start points; it cannot be combined with --n or --seed");
        }
        Path checkpointFile = Path.of(parsed.matchedOptionValue("--checkpoint", ""));
        Checkpoint checkpoint = read(checkpointFile);
        int dim = checkpoint.model().dim();

        float[] x;
        int n;
        if (givenX0) {
            x = PointsCsv.read(Path.of(parsed.matchedOptionValue("--x0", "")), dim);
            n = x.length / dim;
        } else {
            n = values.getInt("samples");
            x = new float[n * dim];
            new Rng(values.getLong("noiseSeed")).fillGaussian(x, 0, n * dim);
        }
        OdeSolver solver = Solvers.byName(values.getString("solver"));
        int steps = values.getInt("sampleSteps");
        long start = System.nanoTime();
        int evaluations = Sampler.integrate(checkpoint.velocityField(), solver, x, n, steps, null);
        double ms = (System.nanoTime() - start) / 1e6;

        String target = parsed.matchedOptionValue("--out", "-");
        if (target.equals("-")) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            PointsCsv.write(w, x, n, dim);
            w.flush();
        } else {
            try (Writer w = Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
                PointsCsv.write(w, x, n, dim);
            }
        }
        err.println(n + " points, " + solver.name() + " with " + steps + " steps (" + evaluations + " evaluations) in "
                + Math.round(ms) + " ms" + (target.equals("-") ? "" : " -> " + target));
        return 0;
    }

    private static Checkpoint read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read checkpoint " + file + ": no such file");
        }
        try {
            return Checkpoint.fromBytes(bytes);
        } catch (CheckpointFormatException e) {
            throw new UsageException(file + " is not a usable checkpoint: " + e.getMessage());
        }
    }
}
