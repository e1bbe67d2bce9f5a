package flowplay.server;

import flowplay.server.cli.BenchCommand;
import flowplay.server.cli.Command;
import flowplay.server.cli.EvalCommand;
import flowplay.server.cli.ExperimentCommand;
import flowplay.server.cli.LikelihoodCommand;
import flowplay.server.cli.SampleCommand;
import flowplay.server.cli.ServeCommand;
import flowplay.server.cli.TrainCommand;
import flowplay.server.cli.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar flowplay.jar serve | train | sample | likelihood | eval | bench | experiment why-fast}. The command model is built in code with picocli's
 * programmatic API; setting flags come from the shared settings table. Exit codes: 0 done, 1 failed, 2 the command
 * line or an input file needs fixing (said in one line, without a stack trace).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Parses and runs a command; the testable entry point (serve blocks until the JVM shuts down). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("serve", new ServeCommand());
        commands.put("train", new TrainCommand());
        commands.put("sample", new SampleCommand());
        commands.put("likelihood", new LikelihoodCommand());
        commands.put("eval", new EvalCommand());
        commands.put("bench", new BenchCommand());
        commands.put("experiment", new ExperimentCommand());

        CommandSpec root = CommandSpec.create().name("flowplay").mixinStandardHelpOptions(true).version("Flowplay 0.1.0");
        root.usageMessage().description("Flow matching playground: serve the web app, or train, sample, score likelihoods and evaluate samples from the command line.");
        for (Map.Entry<String, Command> e : commands.entrySet()) {
            root.addSubcommand(e.getKey(), e.getValue().spec());
        }
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (ParameterException e) {
            String command = e.getCommandLine().getCommandName();
            err.println("flowplay: " + e.getMessage() + " (see: flowplay " + (command.equals("flowplay") ? "" : command + " ") + "--help)");
            return 2;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        if (!parsed.hasSubcommand()) {
            cli.usage(err);
            return 2;
        }
        ParseResult sub = parsed.subcommand();
        try {
            return commands.get(sub.commandSpec().name()).run(sub, out, err);
        } catch (UsageException e) {
            err.println("flowplay: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("flowplay: " + sub.commandSpec().name() + " failed: " + e);
            return 1;
        }
    }
}
