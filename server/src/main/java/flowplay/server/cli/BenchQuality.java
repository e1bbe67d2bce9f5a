package flowplay.server.cli;

import flowplay.core.data.Datasets;
import flowplay.core.json.Json;
import flowplay.core.rng.Rng;
import flowplay.server.engine.Engines;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench quality}: does a Flowplay engine train as good a model as PyTorch? Per seed, the seed recipe (two
 * moons, 5000 steps, batch 256, MLP 3-64-64-64-2 ELU, Adam 1e-2) is trained by {@code train} and by
 * {@code bench/train_pytorch.py --steps --out} (PyTorch's own init and Adam), both checkpoints are sampled by
 * {@code sample} on the same noise and solver, and {@code eval} measures each against the same fresh moons. The
 * commands run in this process exactly as on the command line, so the table can be redone by hand from the files
 * left in {@code --dir}. The floor column is eval between two independent sets of moons of the same size: the energy
 * distance a perfect model would still show.
 */
final class BenchQuality {
    /** Reference sets come from seeds far from the training seeds, so they are fresh draws, not training batches. */
    private static final long REFERENCE_SEED = 1_000_000L;
    private static final long FLOOR_SEED = 2_000_000L;

    private BenchQuality() {
    }

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("quality").mixinStandardHelpOptions(true);
        spec.usageMessage().description("Energy distance to fresh moons of models trained by an engine and by PyTorch on the seed recipe.");
        spec.addOption(option("--seeds", "LIST", "0-9", "Training seeds, comma-separated, a-b for a range (default ${DEFAULT-VALUE})"));
        spec.addOption(option("--steps", "N", "5000", "Training steps (default ${DEFAULT-VALUE})"));
        spec.addOption(option("--engine", "ENGINE", "java", "Flowplay engine to compare: java or nd4j (default ${DEFAULT-VALUE})"));
        spec.addOption(option("--n", "N", "4000", "Samples per model, and fresh moons per reference set (default ${DEFAULT-VALUE})"));
        spec.addOption(option("--solver", "NAME", "rk4", "Sampling solver (default ${DEFAULT-VALUE})"));
        spec.addOption(option("--sample-steps", "N", "50", "Solver steps (default ${DEFAULT-VALUE})"));
        spec.addOption(option("--dir", "DIR", "", "Folder for checkpoints, samples and references (default: a new temporary folder)"));
        spec.addOption(option("--python", "EXE", "/usr/bin/python3", "Python with torch (default ${DEFAULT-VALUE})"));
        spec.addOption(option("--script", "FILE", "bench/train_pytorch.py", "The PyTorch training script (default ${DEFAULT-VALUE})"));
        return spec;
    }

    /** "0-9" or "0,3,7" (or both, comma-separated). */
    static long[] seeds(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).flatMapToLong(part -> {
            int dash = part.indexOf('-', 1);
            if (dash < 0) {
                return java.util.stream.LongStream.of(Long.parseLong(part));
            }
            return java.util.stream.LongStream.rangeClosed(Long.parseLong(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1)));
        }).toArray();
    }

    private static OptionSpec option(String name, String label, String fallback, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).defaultValue(fallback).description(description).build();
    }

    static int run(ParseResult p, PrintStream out) throws Exception {
        long[] seeds;
        int steps;
        int n;
        int sampleSteps;
        try {
            seeds = seeds(p.matchedOptionValue("--seeds", "0-9"));
            steps = Integer.parseInt(p.matchedOptionValue("--steps", "5000"));
            n = Integer.parseInt(p.matchedOptionValue("--n", "4000"));
            sampleSteps = Integer.parseInt(p.matchedOptionValue("--sample-steps", "50"));
        } catch (NumberFormatException e) {
            throw new UsageException("--seeds, --steps, --n and --sample-steps take integers: " + e.getMessage());
        }
        String engine = p.matchedOptionValue("--engine", "java");
        if (!Engines.NAMES.contains(engine)) {
            throw new UsageException("invalid value for --engine: " + engine + " (allowed: " + String.join(", ", Engines.NAMES) + ")");
        }
        String solver = p.matchedOptionValue("--solver", "rk4");
        String python = p.matchedOptionValue("--python", "/usr/bin/python3");
        Path script = Path.of(p.matchedOptionValue("--script", "bench/train_pytorch.py"));
        String problem = BenchCommand.checkPython(python, script);
        if (problem != null) {
            throw new UsageException("bench quality needs PyTorch: " + problem);
        }
        String dirName = p.matchedOptionValue("--dir", "");
        Path dir = dirName.isEmpty() ? Files.createTempDirectory("flowplay-quality-") : Files.createDirectories(Path.of(dirName));

        out.println(String.format(Locale.ROOT, "bench quality: two moons, %d steps, batch 256, MLP 3-64-64-64-2 ELU, Adam 1e-2; %s vs pytorch; "
                + "%s %d steps, %d samples vs %d fresh moons; eval energy distance (ED) and sliced W2 (SW2)", steps, engine, solver, sampleSteps, n, n));
        out.println("files: " + dir.toAbsolutePath());
        out.println(String.format(Locale.ROOT, "%-6s %-10s %-10s %-7s %-10s %-10s %-10s", "seed", engine + " ED", "torch ED", "ratio",
                engine + " SW2", "torch SW2", "floor ED"));
        out.flush();
        List<double[]> rows = new ArrayList<>();
        for (long seed : seeds) {
            Path reference = moons(dir.resolve("ref-" + seed + ".csv"), n, REFERENCE_SEED + seed);
            Path floorSet = moons(dir.resolve("floor-" + seed + ".csv"), n, FLOOR_SEED + seed);
            Path ours = dir.resolve(engine + "-" + seed + ".safetensors");
            Path torch = dir.resolve("pytorch-" + seed + ".safetensors");
            cli(new TrainCommand(), "--engine", engine, "--dataset", "moons", "--steps", Integer.toString(steps), "--seed", Long.toString(seed),
                    "--batch", "256", "--lr", "0.01", "--width", "64", "--depth", "3", "--activation", "elu",
                    "--checkpointEvery", Integer.toString(steps), "--out", ours.toString());
            trainPytorch(python, script, steps, seed, torch);
            String noiseSeed = Long.toString(seed + 1);
            Map<String, Object> a = eval(sample(ours, solver, sampleSteps, n, noiseSeed), reference);
            Map<String, Object> b = eval(sample(torch, solver, sampleSteps, n, noiseSeed), reference);
            Map<String, Object> floor = eval(floorSet, reference);
            double[] row = {seed, number(a, "energy_distance"), number(b, "energy_distance"), number(a, "sliced_wasserstein2"),
                    number(b, "sliced_wasserstein2"), number(floor, "energy_distance")};
            rows.add(row);
            out.println(String.format(Locale.ROOT, "%-6d %-10.5f %-10.5f %-7.2f %-10.5f %-10.5f %-10.5f", seed, row[1], row[2], row[1] / row[2],
                    row[3], row[4], row[5]));
            out.flush();
        }
        summary(engine, rows).forEach(out::println);
        return 0;
    }

    /**
     * The mean and median rows and the verdict. Final-iterate quality at a constant learning rate varies several-fold
     * from seed to seed, so the verdict weighs the difference of the means against its standard error: "no worse" when
     * the engine's mean is at most PyTorch's, "within noise" when it is higher by less than two standard errors.
     */
    static List<String> summary(String engine, List<double[]> rows) {
        int n = rows.size();
        double[] mean = new double[6];
        double[] median = new double[6];
        double[] var = new double[6];
        for (int i = 1; i < 6; i++) {
            int col = i;
            double[] column = rows.stream().mapToDouble(r -> r[col]).toArray();
            mean[i] = Arrays.stream(column).average().orElse(Double.NaN);
            median[i] = BenchCommand.median(column);
            var[i] = n < 2 ? Double.NaN : Arrays.stream(column).map(v -> (v - mean[col]) * (v - mean[col])).sum() / (n - 1);
        }
        double diff = mean[1] - mean[2];
        double seDiff = Math.sqrt((var[1] + var[2]) / n);
        String verdict = diff <= 0 ? "no worse than pytorch"
                : n < 2 ? "worse than pytorch (one seed: its noise is unknown)"
                : !(diff < 2 * seDiff) ? "WORSE than pytorch (by more than 2 standard errors)"
                : "worse than pytorch by " + String.format(Locale.ROOT, "%.1f", diff / seDiff) + " standard errors: within noise";
        long better = rows.stream().filter(r -> r[1] <= r[2]).count();
        return List.of(
                String.format(Locale.ROOT, "%-6s %-10.5f %-10.5f %-7.2f %-10.5f %-10.5f %-10.5f", "mean", mean[1], mean[2], mean[1] / mean[2],
                        mean[3], mean[4], mean[5]),
                String.format(Locale.ROOT, "%-6s %-10.5f %-10.5f %-7.2f %-10.5f %-10.5f %-10.5f", "median", median[1], median[2],
                        median[1] / median[2], median[3], median[4], median[5]),
                String.format(Locale.ROOT, "summary: %s mean ED %.5f ± %.5f vs pytorch %.5f ± %.5f (± one standard error; ratio %.2f): %s; "
                                + "%s better on %d of %d seeds", engine, mean[1], Math.sqrt(var[1] / n), mean[2], Math.sqrt(var[2] / n),
                        mean[1] / mean[2], verdict, engine, better, n));
    }

    /** {@code n} points of Flowplay's moons from {@code Rng(seed)}, as a CSV file eval reads. */
    private static Path moons(Path file, int n, long seed) throws IOException {
        float[] points = new float[n * 2];
        Datasets.byName("moons").sample(new Rng(seed), n, points);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            PointsCsv.write(w, points, n, 2);
        }
        return file;
    }

    private static Path sample(Path checkpoint, String solver, int steps, int n, String noiseSeed) throws Exception {
        Path csv = Path.of(checkpoint.toString().replace(".safetensors", ".csv"));
        cli(new SampleCommand(), "--checkpoint", checkpoint.toString(), "--solver", solver, "--steps", Integer.toString(steps),
                "--n", Integer.toString(n), "--seed", noiseSeed, "--out", csv.toString());
        return csv;
    }

    private static Map<String, Object> eval(Path samples, Path reference) throws Exception {
        return Json.parseObject(cli(new EvalCommand(), "--samples", samples.toString(), "--reference", reference.toString(), "--seed", "0"));
    }

    private static double number(Map<String, Object> json, String key) {
        return ((Number) json.get(key)).doubleValue();
    }

    /** Runs a subcommand as the command line would; returns its stdout, or fails with its stderr. */
    private static String cli(Command command, String... args) throws Exception {
        ParseResult parsed = new CommandLine(command.spec()).parseArgs(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(parsed, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException(command.spec().name() + " " + String.join(" ", args) + " failed: " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void trainPytorch(String python, Path script, int steps, long seed, Path file) throws IOException, InterruptedException {
        Process p = BenchCommand.pythonProcess(List.of(python, script.toString(), "--steps", Integer.toString(steps), "--seed",
                Long.toString(seed), "--out", file.toString())).start();
        String output = BenchCommand.readAll(p);
        if (p.waitFor() != 0 || !Files.isRegularFile(file)) {
            throw new IllegalStateException("the PyTorch script failed (exit " + p.exitValue() + "): " + output);
        }
    }
}
