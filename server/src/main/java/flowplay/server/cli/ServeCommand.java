package flowplay.server.cli;

import flowplay.server.FlowplayServer;
import flowplay.server.api.AdminAuth;
import flowplay.server.engine.Engine;
import flowplay.server.engine.Engines;
import flowplay.server.limits.Limits;
import flowplay.server.ops.LogFormat;
import flowplay.server.runs.RunManager;
import flowplay.server.runs.RunStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the web playground and its API until the process is stopped. */
public final class ServeCommand implements Command {
    private static final SettingFlags LIMITS = new SettingFlags(Limits.TABLE);

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
        LIMITS.addTo(spec);
        spec.addOption(OptionSpec.builder("--limits").paramLabel("FILE").type(String.class)
                .description("Limits as name=value lines, each flag's name in camelCase (maxWidth=128, runsPerMinute=4; # comments);"
                        + " flags override the file").build());
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

    /** The limits: the table's defaults, then the --limits file, then the flags; a bad value exits 2 naming it. */
    static Limits limits(ParseResult parsed) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (parsed.hasMatchedOption("--limits")) {
            raw.putAll(LimitsFile.read(Path.of(parsed.matchedOptionValue("--limits", "")), Limits.TABLE));
        }
        raw.putAll(LIMITS.given(parsed));
        return Limits.of(LIMITS.parse(raw));
    }

    @Override
    public int run(ParseResult parsed, PrintStream out, PrintStream err) throws Exception {
        logFormat(parsed.matchedOptionValue("--log-format", null), System.getenv(LogFormat.ENV)).apply();
        AdminTokenFlag.Admin admin = AdminTokenFlag.resolve(parsed.matchedOptionValue(AdminTokenFlag.FLAG, null),
                System.getenv(AdminTokenFlag.ENV));
        String host = parsed.matchedOptionValue("--host", "127.0.0.1");
        int port = parsed.matchedOptionValue("--port", 7070);
        Path data = Path.of(parsed.matchedOptionValue("--data", "./flowplay-data"));
        if (port < 0 || port > 65535) {
            throw new UsageException("invalid value for --port: " + port + " (allowed: integer in [0, 65535])");
        }
        Limits limits = limits(parsed);
        Engines.Selected selected = TrainCommand.engine(parsed.matchedOptionValue("--engine", Engines.DEFAULT));
        Engine engine = selected.engine();
        // Describing the backend loads ND4J's native libraries (seconds) for the nd4j engine: now, not inside the first run.
        StartupLog.print(err, "serve", selected, limits.workers());
        StartupLog.limits(limits, FlowplayServer.MAX_REQUEST_BYTES).forEach(err::println);
        err.println(admin.startupLine());
        RunManager runs = new RunManager(engine, new RunStore(data), limits.workers(), limits.queue(), limits.run());
        FlowplayServer server = new FlowplayServer(runs, limits, admin.auth()).start(host, port);
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
