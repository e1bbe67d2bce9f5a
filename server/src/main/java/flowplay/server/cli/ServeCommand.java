package flowplay.server.cli;

import flowplay.server.FlowplayServer;
import flowplay.server.api.AdminAuth;
import flowplay.server.engine.Engine;
import flowplay.server.engine.Engines;
import flowplay.server.ops.LogFormat;
import flowplay.server.runs.RunLimits;
import flowplay.server.runs.RunManager;
import flowplay.server.runs.RunStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the web playground and its API until the process is stopped. */
public final class ServeCommand implements Command {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("serve").mixinStandardHelpOptions(true);
        spec.usageMessage().description("Serve the web playground and the training API.");
        spec.addOption(OptionSpec.builder("--host").paramLabel("HOST").type(String.class).defaultValue("127.0.0.1")
                .description("Interface to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all)").build());
        spec.addOption(OptionSpec.builder("--port").paramLabel("PORT").type(int.class).defaultValue("7070")
                .description("Port (default ${DEFAULT-VALUE}; 0 picks a free one)").build());
        spec.addOption(OptionSpec.builder("--data").paramLabel("DIR").type(String.class).defaultValue("./flowplay-data")
                .description("Folder for runs: records and checkpoints, kept across restarts (default ${DEFAULT-VALUE})").build());
        spec.addOption(OptionSpec.builder("--workers").paramLabel("N").type(int.class)
                .defaultValue(Integer.toString(Runtime.getRuntime().availableProcessors()))
                .description("Runs trained at once, one per core (default ${DEFAULT-VALUE})").build());
        spec.addOption(OptionSpec.builder("--queue").paramLabel("N").type(int.class).defaultValue("16")
                .description("Runs that may wait for a worker before new ones are refused (default ${DEFAULT-VALUE})").build());
        spec.addOption(OptionSpec.builder("--max-steps").paramLabel("N").type(long.class).defaultValue(Long.toString(RunLimits.STEPS_BOUND))
                .description("Most training steps a run may ask for; more is refused with 400 (default ${DEFAULT-VALUE})").build());
        spec.addOption(OptionSpec.builder("--max-run-seconds").paramLabel("S").type(long.class).defaultValue("600")
                .description("Wall-clock cap per run: a run training longer is stopped, checkpointed and failed (default ${DEFAULT-VALUE})")
                .build());
        spec.addOption(OptionSpec.builder("--engine").paramLabel("ENGINE").type(String.class).defaultValue(Engines.DEFAULT)
                .description("Training engine for every run: java, nd4j, or auto: nd4j on a CUDA device (a -Pcuda build), else java "
                        + "(default ${DEFAULT-VALUE})").build());
        spec.addOption(OptionSpec.builder(AdminTokenFlag.FLAG).paramLabel("FILE").type(String.class)
                .description("File holding the admin token (at least " + AdminAuth.MIN_TOKEN_LENGTH
                        + " characters) that admin endpoints such as /metrics require as Authorization: Bearer TOKEN; or set "
                        + AdminTokenFlag.ENV + ". Neither: admin endpoints are off (404)").build());
        spec.addOption(OptionSpec.builder("--log-format").paramLabel("FORMAT").type(String.class)
                .description("Server log lines on stderr: text, or json (one object per line); default $" + LogFormat.ENV
                        + ", else text").build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) throws Exception {
        logFormat(parsed.matchedOptionValue("--log-format", null), System.getenv(LogFormat.ENV)).apply();
        AdminTokenFlag.Admin admin = AdminTokenFlag.resolve(parsed.matchedOptionValue(AdminTokenFlag.FLAG, null),
                System.getenv(AdminTokenFlag.ENV));
        String host = parsed.matchedOptionValue("--host", "127.0.0.1");
        int port = parsed.matchedOptionValue("--port", 7070);
        Path data = Path.of(parsed.matchedOptionValue("--data", "./flowplay-data"));
        int workers = parsed.matchedOptionValue("--workers", Runtime.getRuntime().availableProcessors());
        int queue = parsed.matchedOptionValue("--queue", 16);
        if (port < 0 || port > 65535) {
            throw new UsageException("invalid value for --port: " + port + " (allowed: integer in [0, 65535])");
        }
        if (workers < 1 || queue < 1) {
            throw new UsageException("--workers and --queue must be at least 1");
        }
        long maxSteps = parsed.matchedOptionValue("--max-steps", RunLimits.STEPS_BOUND);
        if (maxSteps < 1 || maxSteps > RunLimits.STEPS_BOUND) {
            throw new UsageException("invalid value for --max-steps: " + maxSteps + " (allowed: integer in [1, " + RunLimits.STEPS_BOUND + "])");
        }
        long maxRunSeconds = parsed.matchedOptionValue("--max-run-seconds", 600L);
        if (maxRunSeconds < 1 || maxRunSeconds > 7 * 24 * 3600) {
            throw new UsageException("invalid value for --max-run-seconds: " + maxRunSeconds + " (allowed: integer in [1, 604800])");
        }
        RunLimits limits = new RunLimits(maxSteps, Duration.ofSeconds(maxRunSeconds));
        Engines.Selected selected = TrainCommand.engine(parsed.matchedOptionValue("--engine", Engines.DEFAULT));
        Engine engine = selected.engine();
        // Describing the backend loads ND4J's native libraries (seconds) for the nd4j engine: now, not inside the first run.
        StartupLog.print(err, "serve", selected, workers);
        err.println(StartupLog.limits(workers, queue, limits, FlowplayServer.MAX_REQUEST_BYTES));
        err.println(admin.startupLine());
        RunManager runs = new RunManager(engine, new RunStore(data), workers, queue, limits);
        FlowplayServer server = new FlowplayServer(runs, admin.auth()).start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            runs.close();
            stopped.countDown();
        }, "shutdown"));
        out.println("Flowplay listening on http://" + host + ":" + server.port() + "/");
        out.flush();
        stopped.await();
        return 0;
    }

    /** The flag's format, else the environment's, else text; a bad value names where it came from. */
    static LogFormat logFormat(String flag, String env) {
        String text = flag != null ? flag : env;
        try {
            return text == null || text.isBlank() ? LogFormat.TEXT : LogFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid value for " + (flag != null ? "--log-format" : LogFormat.ENV) + ": " + text
                    + " (allowed: " + LogFormat.ALLOWED + ")");
        }
    }
}
