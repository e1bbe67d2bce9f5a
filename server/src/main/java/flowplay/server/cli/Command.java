package flowplay.server.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;

/** A subcommand: its picocli model, built in code (no annotations, no reflection), and what it does once parsed. */
public interface Command {
    CommandSpec spec();

    /** Runs the parsed command; returns the exit code. Throws {@link UsageException} for input the user must fix. */
    int run(ParseResult parsed, PrintStream out, PrintStream err) throws Exception;
}
