package flowplay.server.cli;

import flowplay.server.runs.RunLimits;

import flowplay.server.engine.Engines;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The one block {@code serve} and {@code train} print before they start: which engine trains and why, what it computes
 * on, and every thread setting that changes its speed. Speed questions start with this block, so it says each fact once
 * here instead of being spread over engine log lines.
 */
final class StartupLog {
    private StartupLog() {
    }

    /** Prints the block for this JVM; may load ND4J (through the engine's backend()), which the engine needs anyway. */
    static void print(PrintStream err, String command, Engines.Selected selected, int workers) {
        String omp = System.getenv("OMP_NUM_THREADS");
        for (String line : lines(command, selected.engine().name(), selected.reason(), selected.engine().backend(),
                selected.engine().threadsPerRun(), workers, Runtime.getRuntime().availableProcessors(), omp)) {
            err.println(line);
        }
        err.flush();
    }

    /** The block's text, from the facts alone (testable without ND4J or a GPU). {@code omp} is null when unset. */
    static List<String> lines(String command, String engine, String reason, String backend, String threadsPerRun, int workers,
                              int cores, String omp) {
        return List.of(
                "flowplay " + command + ": engine " + engine + " (" + reason + ")",
                "  backend  " + backend,
                "  threads  " + threadsPerRun + " per run, " + workers + (workers == 1 ? " worker" : " workers") + ", " + cores
                        + (cores == 1 ? " core" : " cores") + ", OMP_NUM_THREADS=" + (omp == null ? "unset" : omp));
    }

    /** The limits a public demo runs under, said once at start so that an operator sees what strangers get. */
    static String limits(int workers, int queue, RunLimits limits, long maxRequestBytes) {
        return String.format(Locale.ROOT, "  limits   %d runs at once, queue %d (then 429 with Retry-After), max steps %d, max run %s s,"
                + " request body %d MiB", workers, queue, limits.maxSteps(), limits.maxRunSecondsText(), maxRequestBytes >> 20);
    }
}
