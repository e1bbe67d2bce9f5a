package flowplay.server.cli;

import flowplay.core.data.Datasets;
import flowplay.core.data.FileDatasets;
import flowplay.core.settings.SettingValues;
import flowplay.server.engine.Engines;
import flowplay.server.experiment.Recipe;
import flowplay.server.experiment.Report;
import flowplay.server.experiment.WhyFast;
import flowplay.server.experiment.WhyFastConfig;
import flowplay.server.experiment.WhyFastResults;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code experiment why-fast}: trains flow matching on the OT and VP paths and score matching on VP with one budget,
 * sweeps solvers and NFEs on the same noise, and writes {@code report.md} with plots and the raw numbers to {@code --out}.
 */
public final class ExperimentCommand implements Command {
    private static final SettingFlags FLAGS = new SettingFlags(WhyFastConfig.FLAGS);

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("experiment").mixinStandardHelpOptions(true);
        spec.usageMessage().description("Reproducible experiments that write a report.");
        CommandSpec whyFast = CommandSpec.create().name("why-fast").mixinStandardHelpOptions(true);
        whyFast.usageMessage().description("Do straight (OT) paths need fewer sampling steps than diffusion paths? Trains FM on condot"
                + " and vp and score matching on vp with an equal budget, then measures error to a reference solve and distance to the"
                + " data for euler, midpoint, heun and rk4 at NFE 1…128 on the same noise.");
        whyFast.addOption(OptionSpec.builder("--datasets").paramLabel("NAME,NAME,…").type(String.class)
                .description("Data sets, comma-separated (built-in or file data sets; default " + WhyFastConfig.DEFAULT_DATASETS + ")").build());
        FLAGS.addTo(whyFast);
        whyFast.addOption(OptionSpec.builder("--engine").paramLabel("ENGINE").type(String.class)
                .description("Training engine: " + String.join(" or ", Engines.NAMES) + " (default java)").build());
        whyFast.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(String.class).required(true)
                .description("Folder for report.md, the plots, results.csv, models.csv and checkpoints/").build());
        spec.addSubcommand("why-fast", whyFast);
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) throws Exception {
        if (!parsed.hasSubcommand()) {
            throw new UsageException("experiment needs its name: why-fast (see: flowplay experiment --help)");
        }
        ParseResult p = parsed.subcommand();
        WhyFastConfig config = config(p);
        String engine = p.matchedOptionValue("--engine", "java");
        if (!Engines.NAMES.contains(engine)) {
            throw new UsageException("invalid value for --engine: " + engine + " (allowed: " + String.join(", ", Engines.NAMES) + ")");
        }
        if ("java".equals(engine)) {
            Optional<Integer> child = VectorRelaunch.ifNeeded(parsed.originalArgs(), err);
            if (child.isPresent()) {
                return child.get();
            }
        }
        Files.createDirectories(config.out());
        int models = config.datasets().size() * config.seeds().length * Recipe.ALL.size();
        err.println(String.format(Locale.ROOT, "why-fast: %d models (%s × 3 recipes × %d seeds), %d training steps each, %d samples,"
                + " engine %s, %d threads → %s", models, String.join(",", config.datasets()), config.seeds().length, config.stepsTrain(),
                config.samples(), engine, config.threads(), config.out().toAbsolutePath()));
        WhyFastResults results = WhyFast.run(config, Engines.byName(engine), err);
        Report.write(results, config.out(), command(p));
        out.println(String.format(Locale.ROOT, "wrote %s in %.1f min", config.out().resolve("report.md"), results.seconds() / 60));
        return 0;
    }

    /** The validated config; a bad flag becomes a usage error naming it and what it accepts. */
    static WhyFastConfig config(ParseResult p) {
        SettingValues v = FLAGS.parse(p);
        List<String> datasets = datasets(p.matchedOptionValue("--datasets", WhyFastConfig.DEFAULT_DATASETS));
        int[] seeds = v.getIntList("seeds");
        long[] longSeeds = new long[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            longSeeds[i] = seeds[i];
        }
        return new WhyFastConfig(datasets, longSeeds, v.getInt("stepsTrain"), v.getInt("samples"), v.getDouble("noise"),
                v.getInt("threads"), Path.of(p.matchedOptionValue("--out", "why-fast")));
    }

    static List<String> datasets(String text) {
        List<String> allowed = new ArrayList<>(Datasets.names());
        allowed.addAll(FileDatasets.NAMES);
        List<String> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.trim();
            if (!allowed.contains(name)) {
                throw new UsageException("invalid value for --datasets: '" + name + "' is not a data set (allowed: comma-separated names"
                        + " from " + String.join(", ", allowed) + ")");
            }
            if (out.contains(name)) {
                throw new UsageException("invalid value for --datasets: '" + name + "' is listed twice");
            }
            out.add(name);
        }
        return out;
    }

    /** The command line that reproduces the run, for the report's first line. */
    private static String command(ParseResult p) {
        StringBuilder s = new StringBuilder("java -jar server/target/flowplay.jar experiment why-fast");
        for (OptionSpec o : p.matchedOptions()) {
            s.append(' ').append(o.longestName()).append(' ').append((String) o.getValue());
        }
        return s.toString();
    }
}
