package flowplay.server.cli;

import flowplay.server.FlowplayServer;
import flowplay.server.engine.Engine;
import flowplay.server.engine.Engines;
import flowplay.server.limits.Limits;
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
        RunManager runs = new RunManager(engine, new RunStore(data), limits.workers(), limits.queue(), limits.run());
        FlowplayServer server = new FlowplayServer(runs, limits).start(host, port);
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
}
