package flowplay.server.cli;

import flowplay.core.json.Json;
import flowplay.core.metrics.EnergyDistance;
import flowplay.core.metrics.ExactW2;
import flowplay.core.metrics.Metrics;
import flowplay.core.metrics.Mmd;
import flowplay.core.metrics.SlicedWasserstein;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code eval}: sample-quality metrics between two point sets (CSV, one point per line) as one JSON object on stdout:
 * energy distance, sliced squared W2 (seeded directions), unbiased MMD², and the exact squared W2 by optimal assignment
 * when both sets have the same size ≤ {@link ExactW2#MAX_POINTS} (else null, with {@code exact_w2_reason}).
 */
public final class EvalCommand implements Command {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("eval").mixinStandardHelpOptions(true);
        spec.usageMessage().description("Compare samples with reference points; prints JSON: energy_distance, sliced_wasserstein2, mmd2, "
                + "exact_w2 (squared W2 by optimal assignment when both files have the same number of points, at most "
                + ExactW2.MAX_POINTS + "; else null and exact_w2_reason).");
        spec.addOption(OptionSpec.builder("--samples").paramLabel("CSV").type(String.class).required(true)
                .description("Generated points, d comma-separated numbers per line, no header (what sample writes)").build());
        spec.addOption(OptionSpec.builder("--reference").paramLabel("CSV").type(String.class).required(true)
                .description("Reference points, same format and dimension").build());
        Options.add(spec, "--seed", "S", "Seed of the sliced-Wasserstein directions, in [0, 2147483647]; default "
                + SlicedWasserstein.DEFAULT_SEED);
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) throws IOException {
        int seed = Options.integer(parsed, "--seed", (int) SlicedWasserstein.DEFAULT_SEED, 0, Integer.MAX_VALUE);
        PointsCsv.Points samples = PointsCsv.read("--samples", Path.of(parsed.matchedOptionValue("--samples", "")), -1);
        Path referenceFile = Path.of(parsed.matchedOptionValue("--reference", ""));
        PointsCsv.Points reference = PointsCsv.read("--reference", referenceFile, -1);
        if (reference.dim() != samples.dim()) {
            throw new UsageException("--reference: " + referenceFile + " has " + reference.dim() + " columns, the samples have "
                    + samples.dim());
        }
        int n = samples.n();
        int m = reference.n();
        int dim = samples.dim();
        float[] x = samples.data();
        float[] y = reference.data();
        long start = System.nanoTime();
        boolean exact = ExactW2.applicable(n, m);
        Metrics metrics = new Metrics(n, m, dim,
                EnergyDistance.of(x, n, y, m, dim),
                SlicedWasserstein.squared(x, n, y, m, dim, SlicedWasserstein.DEFAULT_DIRECTIONS, seed),
                Mmd.squared(x, n, y, m, dim),
                exact ? ExactW2.squared(x, n, y, m, dim) : Double.NaN);
        Map<String, Object> json = metrics.toJson();
        json.put("sliced_wasserstein2_seed", seed);
        if (!exact) {
            json.put("exact_w2_reason", n != m
                    ? "the files have different numbers of points (" + n + " and " + m + "); exact W2 needs a one-to-one assignment"
                    : n + " points is more than the " + ExactW2.MAX_POINTS + " the O(n³) assignment is run on");
        }
        out.println(Json.write(json));
        err.println(n + " samples vs " + m + " reference points (d=" + dim + ") in " + Math.round((System.nanoTime() - start) / 1e6)
                + " ms");
        return 0;
    }
}
