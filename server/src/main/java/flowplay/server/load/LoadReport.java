package flowplay.server.load;

import flowplay.core.settings.SettingValues;

import java.util.List;
import java.util.Locale;

/** The result as a Markdown block for docs/benchmarks.md: every phase, then the averages against the target. */
final class LoadReport {
    static final double THROUGHPUT_TARGET = 0.8;
    static final long P99_TARGET_MILLIS = 250;

    private LoadReport() {
    }

    static String markdown(SettingValues options, List<PhaseResult> phases) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "bench/load: %d runs, %d viewers, %d s windows, %d warm-up phase(s) then %d rounds,"
                        + " %d API calls/s, server --workers %d%n%n", options.getInt("runs"), options.getInt("viewers"), options.getInt("window"),
                options.getInt("warmUp"), options.getInt("rounds"), options.getInt("apiRate"), options.getInt("workers")));
        md.append("| phase | viewers | training steps/s | server cores | client cores | progress frames | progress latency p50 / p95 / p99 / max (ms) | checkpoint MiB sent"
                + " | API calls | API p50 / p99 (ms) | errors |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        double without = 0;
        double with = 0;
        long p99 = 0;
        long errors = 0;
        int n = 0;
        for (PhaseResult p : phases) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %d | %s | %.1f | %d | %d / %d | %d |%n", p.warmUp() ? "warm-up" : Integer.toString(++n), p.viewers(), p.stepsPerSecond(),
                    p.serverCores(), p.clientCores(), p.progressFrames(), p.viewers() == 0 ? "–" : p.progressP50() + " / " + p.progressP95() + " / " + p.progressP99() + " / "
                            + p.progressMax(), p.checkpointMiB(), p.apiCalls(), p.apiP50(), p.apiP99(), p.errors()));
            errors += p.errors(); // an error is an error, warm-up or not
            if (p.warmUp()) {
                continue;
            }
            if (p.viewers() == 0) {
                without += p.stepsPerSecond();
            } else {
                with += p.stepsPerSecond();
                p99 = Math.max(p99, p.progressP99());
            }
        }
        double ratio = with / without; // the phases come in pairs, so the sums average alike
        md.append(String.format(Locale.ROOT, "%nWith viewers / without: **%.2f×** training throughput (target ≥ %.2f: %s); worst measured phase's p99"
                        + " progress latency **%d ms** (target < %d ms: %s); errors **%d** (target 0: %s).%n", ratio, THROUGHPUT_TARGET,
                ratio >= THROUGHPUT_TARGET ? "met" : "missed", p99, P99_TARGET_MILLIS, p99 < P99_TARGET_MILLIS ? "met" : "missed", errors,
                errors == 0 ? "met" : "missed"));
        for (PhaseResult p : phases) {
            for (String e : p.errorSamples()) {
                md.append("- error (").append(p.viewers()).append(" viewers): ").append(e).append('\n');
            }
        }
        return md.toString();
    }
}
