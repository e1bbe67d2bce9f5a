package flowplay.server.cli;

import flowplay.core.data.Dataset;
import flowplay.server.engine.Engine;
import flowplay.server.engine.Engines;
import flowplay.server.engine.JavaEngine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench train}: the seed workload (two moons, batch 256, MLP 3-H-H-H-2 ELU, Adam 1e-2, one thread) on each
 * engine, the same workload in PyTorch ({@code bench/train_pytorch.py}) in the same run, and two concurrent java runs
 * against one; {@code --dataset digits} times the digit model instead (no PyTorch script for it), with java against nd4j ({@code bench quality}, the models' sample quality against PyTorch's, is {@link BenchQuality}). Each figure is the median of timed windows after a warm-up; each step includes building its batch
 * (moons, noise, times, the path), as in a real run. A benchmark, not a test: figures depend on the machine and its load.
 */
public final class BenchCommand implements Command {
    @Override
    public CommandSpec spec() {
        CommandSpec train = CommandSpec.create().name("train").mixinStandardHelpOptions(true);
        train.usageMessage().description("Training steps/s of each engine, single thread: on the seed workload against PyTorch, or with "
                + "--dataset digits on the digit model.");
        train.addOption(OptionSpec.builder("--dataset").paramLabel(String.join("|", BenchWorkload.NAMES)).type(String.class)
                .defaultValue("moons").description("moons: the seed workload (MLP 3-H-H-H-2, against PyTorch); digits: the README's digit "
                        + "model (64-D, class-conditional, fourier time, MLP 83-H-H-H-64; PyTorch not measured) (default ${DEFAULT-VALUE})").build());
        train.addOption(OptionSpec.builder("--hidden").paramLabel("H").type(String.class)
                .description("Hidden widths, comma-separated (default 64,256 on moons, 256 on digits)").build());
        train.addOption(OptionSpec.builder("--engines").paramLabel("LIST").type(String.class).defaultValue("java,nd4j")
                .description("Engines, comma-separated (default ${DEFAULT-VALUE})").build());
        train.addOption(OptionSpec.builder("--warmup").paramLabel("SECONDS").type(double.class).defaultValue("2")
                .description("Warm-up before timing, per measurement (default ${DEFAULT-VALUE})").build());
        train.addOption(OptionSpec.builder("--seconds").paramLabel("SECONDS").type(double.class).defaultValue("2")
                .description("Length of one timed window (default ${DEFAULT-VALUE})").build());
        train.addOption(OptionSpec.builder("--reps").paramLabel("N").type(int.class).defaultValue("5")
                .description("Timed windows per measurement; the median is reported (default ${DEFAULT-VALUE})").build());
        train.addOption(OptionSpec.builder("--rounds").paramLabel("N").type(int.class).defaultValue("1")
                .description("Repeat PyTorch-then-java N times per width and report the median of the per-round ratios, so that "
                        + "a machine whose speed drifts compares like with like (default ${DEFAULT-VALUE})").build());
        train.addOption(OptionSpec.builder("--python").paramLabel("EXE").type(String.class).defaultValue("/usr/bin/python3")
                .description("Python with torch (Debian's python3-torch; default ${DEFAULT-VALUE})").build());
        train.addOption(OptionSpec.builder("--script").paramLabel("FILE").type(String.class).defaultValue("bench/train_pytorch.py")
                .description("The PyTorch workload script (default ${DEFAULT-VALUE})").build());
        train.addOption(OptionSpec.builder("--no-pytorch").arity("0").type(boolean.class)
                .description("Skip the PyTorch comparison").build());
        CommandSpec spec = CommandSpec.create().name("bench").mixinStandardHelpOptions(true);
        spec.usageMessage().description("Benchmarks.");
        spec.addSubcommand("train", train);
        spec.addSubcommand("quality", BenchQuality.spec());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) throws Exception {
        ParseResult sub = parsed.subcommand();
        if (sub != null && "quality".equals(sub.commandSpec().name())) {
            return BenchQuality.run(sub, out);
        }
        if (sub == null || !"train".equals(sub.commandSpec().name())) {
            throw new UsageException("bench needs a subcommand: bench train, or bench quality");
        }
        BenchWorkload workload = BenchWorkload.byName(sub.matchedOptionValue("--dataset", "moons"));
        String defaultWidths = workload == BenchWorkload.DIGITS ? "256" : "64,256";
        int[] widths = Arrays.stream(sub.matchedOptionValue("--hidden", defaultWidths).split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        List<String> engines = Arrays.stream(sub.matchedOptionValue("--engines", "java,nd4j").split(",")).map(String::trim).toList();
        double warmup = sub.matchedOptionValue("--warmup", 2.0);
        double seconds = sub.matchedOptionValue("--seconds", 2.0);
        int reps = sub.matchedOptionValue("--reps", 5);
        int rounds = sub.matchedOptionValue("--rounds", 1);
        String python = sub.matchedOptionValue("--python", "/usr/bin/python3");
        Path script = Path.of(sub.matchedOptionValue("--script", "bench/train_pytorch.py"));
        boolean pytorch = !sub.matchedOptionValue("--no-pytorch", false);
        for (String e : engines) {
            if (!Engines.NAMES.contains(e)) {
                throw new UsageException("invalid value for --engines: " + e + " (allowed: " + String.join(", ", Engines.NAMES) + ")");
            }
        }
        if (reps < 1 || seconds <= 0 || warmup < 0 || rounds < 1) {
            throw new UsageException("--reps and --rounds must be at least 1 and --seconds positive");
        }

        Map<String, Engine> built = new LinkedHashMap<>();
        for (String e : engines) {
            built.put(e, Engines.byName(e));
        }
        out.println(String.format(Locale.ROOT, "bench train: %s, one thread per run; warm-up %.1f s, %d windows of %.1f s, median",
                workload.description, warmup, reps, seconds));
        out.println("machine: " + machine());
        out.println("load average before: " + loadAverage());
        if (built.get("java") instanceof JavaEngine) {
            out.println("java kernel: " + ((JavaEngine) built.get("java")).kernel());
        }
        String pytorchProblem = null;
        if (pytorch && workload != BenchWorkload.MOONS) {
            out.println("pytorch: not measured (" + script + " is the moons workload); engines only");
            pytorch = false;
        }
        if (pytorch) {
            pytorchProblem = checkPython(python, script);
            if (pytorchProblem != null) {
                out.println("pytorch: not measured (" + pytorchProblem + "); java figures only");
                pytorch = false;
            }
        }
        out.flush();

        Dataset data = workload.data();
        List<String> summary = new ArrayList<>();
        for (int h : widths) {
            List<Double> speedups = new ArrayList<>();
            List<Double> scalings = new ArrayList<>();
            List<Double> engineRatios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String tag = rounds == 1 ? "" : " round " + round;
                Map<String, Double> rates = new LinkedHashMap<>();
                Double torch = null;
                if (pytorch) {
                    torch = runPython(python, script, h, warmup, seconds, reps, out);
                    out.println(String.format(Locale.ROOT, "H=%-4d pytorch           %8.1f steps/s%s", h, torch, tag));
                    out.flush();
                }
                for (Map.Entry<String, Engine> e : built.entrySet()) {
                    double rate = TrainTiming.measure(e.getValue(), workload, data, h, warmup, seconds, reps);
                    rates.put(e.getKey(), rate);
                    String alloc = "";
                    if (e.getKey().equals("java")) {
                        alloc = String.format(Locale.ROOT, "  (%.0f bytes allocated per step)", TrainTiming.allocatedPerStep(e.getValue(), workload, data, h, 200));
                    }
                    out.println(String.format(Locale.ROOT, "H=%-4d %-17s %8.1f steps/s%s%s%s", h, e.getKey(), rate, ratio(rate, torch), alloc, tag));
                    out.flush();
                }
                if (built.containsKey("java")) {
                    double one = rates.get("java");
                    double two = TrainTiming.measureConcurrent(built.get("java"), workload, data, h, 2, warmup, seconds, reps);
                    out.println(String.format(Locale.ROOT, "H=%-4d java, 2 concurrent %8.1f steps/s in total = %.2fx one run%s", h, two,
                            two / one, tag));
                    scalings.add(two / one);
                    if (rates.containsKey("nd4j")) {
                        engineRatios.add(one / rates.get("nd4j"));
                    }
                    if (torch != null) {
                        speedups.add(one / torch);
                    }
                    out.flush();
                }
            }
            if (!scalings.isEmpty()) {
                String of = rounds == 1 ? "" : " (median of " + rounds + " rounds)";
                summary.add(String.format(Locale.ROOT, "H=%d: java %s%s, 2 concurrent %.2fx one run%s", h,
                        speedups.isEmpty() ? "(pytorch not measured)" : String.format(Locale.ROOT, "%.2fx pytorch", median(speedups)),
                        engineRatios.isEmpty() ? "" : String.format(Locale.ROOT, ", %.2fx nd4j", median(engineRatios)), median(scalings), of));
            }
        }
        out.println("load average after: " + loadAverage());
        out.println("summary: " + String.join("; ", summary));
        return 0;
    }

    private static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String ratio(double rate, Double torch) {
        return torch == null ? "" : String.format(Locale.ROOT, "  %.2fx pytorch", rate / torch);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String checkPython(String python, Path script) {
        if (!Files.isRegularFile(script)) {
            return "no script at " + script.toAbsolutePath() + "; run from the repository root or pass --script";
        }
        if (!Files.isExecutable(Path.of(python))) {
            return python + " not found";
        }
        try {
            Process p = pythonProcess(List.of(python, "-c", "import torch, numpy; print(torch.__version__)")).start();
            String line = readAll(p).trim();
            if (p.waitFor() != 0) {
                return "torch not importable by " + python + ": install it with apt-get install python3-torch";
            }
            return null;
        } catch (IOException | InterruptedException e) {
            return "cannot run " + python + ": " + e.getMessage();
        }
    }

    private static boolean pythonInfoPrinted;

    private static double runPython(String python, Path script, int hidden, double warmup, double seconds, int reps, PrintStream err)
            throws IOException, InterruptedException {
        Process p = pythonProcess(List.of(python, script.toString(), "--hidden", Integer.toString(hidden),
                "--warmup", Double.toString(warmup), "--seconds", Double.toString(seconds), "--reps", Integer.toString(reps))).start();
        String output = readAll(p);
        if (p.waitFor() != 0) {
            err.println(output);
            throw new IllegalStateException("the PyTorch script failed (exit " + p.exitValue() + ")");
        }
        for (String line : output.split("\n")) {
            if (line.startsWith("torch ") && !pythonInfoPrinted) {
                pythonInfoPrinted = true;
                err.println("pytorch: " + line);
            }
            if (line.startsWith("median ")) {
                return Double.parseDouble(line.substring(7).trim());
            }
        }
        throw new IllegalStateException("no median in the PyTorch script's output: " + output);
    }

    /** Threads pinned to one: without both variables PyTorch's speed swings 10x. */
    static ProcessBuilder pythonProcess(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().put("MKL_NUM_THREADS", "1");
        return pb;
    }

    static String readAll(Process p) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder sb = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                sb.append(line).append('\n');
            }
            return sb.toString();
        }
    }

    /** /proc/loadavg: other processes on the same cores skew every figure here, the concurrent runs most. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String machine() {
        String cpu = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            cpu = System.getProperty("os.arch");
        }
        return String.format(Locale.ROOT, "%s, %d cores, Java %s (%s), %s", cpu, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"));
    }
}
