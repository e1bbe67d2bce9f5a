package flowplay.server.load;

import java.util.List;
import java.util.Locale;

/**
 * What one phase measured: training speed, the cores the server and the load client used (both on this machine), and
 * what the viewers and the API callers saw.
 */
record PhaseResult(boolean warmUp, int viewers, double stepsPerSecond, double serverCores, double clientCores, long progressFrames, long progressP50, long progressP95, long progressP99,
                   long progressMax, double checkpointMiB, long apiCalls, long apiP50, long apiP99, long errors, List<String> errorSamples) {

    String summary() {
        return String.format(Locale.ROOT, (warmUp ? "warm-up, " : "") + "%d viewers: %.0f steps/s (server %.2f cores, client %.2f), progress p50/p99 %d/%d ms over %d frames, API %d calls p99 %d ms, "
                + "%d errors%s", viewers, stepsPerSecond, serverCores, clientCores, progressP50, progressP99, progressFrames, apiCalls, apiP99, errors,
                errorSamples.isEmpty() ? "" : " " + errorSamples);
    }
}
