package flowplay.server.cli;

import flowplay.server.engine.Engines;
import flowplay.server.limits.Limits;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The limits a public demo runs under, said once at start so that an operator sees what strangers get: every row of
     * the limits table by the name a {@code --limits} file uses, in two lines.
     */
    static List<String> limits(Limits limits, long maxRequestBytes) {
        List<String> parts = new ArrayList<>();
        limits.values().forEach((name, value) -> parts.add(name + " " + value));
        int half = (parts.size() + 1) / 2;
        return List.of("  limits   " + String.join(", ", parts.subList(0, half)) + " (full queue or client over its rate: 429)",
                "           " + String.join(", ", parts.subList(half, parts.size())) + ", request body " + (maxRequestBytes >> 20) + " MiB");
    }
}
