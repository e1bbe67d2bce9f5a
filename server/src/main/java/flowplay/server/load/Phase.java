package flowplay.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One measured phase: start the runs (a user's default moons run, long enough to outlast the phase), wait until all
 * train, add the viewers and the API calls, warm up, then count the steps trained in the window; finally cancel.
 */
final class Phase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WARM_UP_MILLIS = 3000;
    private static final Set<String> FINAL = Set.of("done", "failed", "cancelled");

    private final HttpClient http;
    private final String base;
    private final int runs;
    private final int windowSeconds;
    private final int apiRate;

    private final java.util.function.DoubleSupplier serverCpu;

    /** {@code serverCpu}: the server process's CPU seconds so far, to split the machine's time between server and client. */
    Phase(HttpClient http, String base, int runs, int windowSeconds, int apiRate, java.util.function.DoubleSupplier serverCpu) {
        this.serverCpu = serverCpu;
        this.http = http;
        this.base = base;
        this.runs = runs;
        this.windowSeconds = windowSeconds;
        this.apiRate = apiRate;
    }

    /** One phase of {@code windowSeconds}; a warm-up phase is measured alike but left out of the verdict. */
    PhaseResult measure(int viewerCount, long seed, boolean warmUp) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/runs")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"dataset\":\"moons\",\"steps\":100000,\"seed\":" + (seed * runs + i) + "}")));
            if (r.statusCode() != 201) {
                throw new IOException("POST /api/runs answered " + r.statusCode() + ": " + r.body());
            }
            ids.add(JSON.readTree(r.body()).get("id").asText());
        }
        awaitStates(ids, Set.of("running"), Duration.ofSeconds(60));
        Latencies progress = new Latencies();
        Viewers viewers = new Viewers(progress);
        ApiCalls api;
        long steps0;
        long t0;
        long steps1;
        long t1;
        double server0;
        double server1;
        double client0;
        double client1;
        try {
            viewers.open(http, base, ids, viewerCount);
            api = new ApiCalls(http, base, ids, apiRate);
            try {
                Thread.sleep(WARM_UP_MILLIS);
                steps0 = steps(ids, problems);
                t0 = System.nanoTime();
                server0 = serverCpu.getAsDouble();
                client0 = clientCpu();
                Thread.sleep(windowSeconds * 1000L);
                steps1 = steps(ids, problems);
                t1 = System.nanoTime();
                server1 = serverCpu.getAsDouble();
                client1 = clientCpu();
            } finally {
                api.close();
            }
        } finally {
            viewers.close();
            for (String id : ids) {
                send(HttpRequest.newBuilder(uri("/api/runs/" + id)).DELETE());
            }
        }
        awaitStates(ids, FINAL, Duration.ofSeconds(30));
        Thread.sleep(500); // answers to the last API calls
        List<String> samples = new ArrayList<>(problems);
        samples.addAll(viewers.errorSamples());
        samples.addAll(api.errorSamples());
        double seconds = (t1 - t0) / 1e9;
        return new PhaseResult(warmUp, viewerCount, (steps1 - steps0) / seconds, (server1 - server0) / seconds, (client1 - client0) / seconds,
                viewers.progressFrames(), progress.percentile(50),
                progress.percentile(95), progress.percentile(99), progress.percentile(100), viewers.checkpointBytes() / 1048576.0,
                api.calls(), api.latency().percentile(50), api.latency().percentile(99),
                problems.size() + viewers.errors() + api.errors(), samples.subList(0, Math.min(5, samples.size())));
    }

    /** The steps all runs have reached; a run that is no longer training is a problem (the window outlasted it). */
    private long steps(List<String> ids, List<String> problems) throws IOException, InterruptedException {
        long sum = 0;
        for (String id : ids) {
            JsonNode run = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/runs/" + id)).GET()).body());
            if (!"running".equals(run.get("state").asText())) {
                problems.add("run " + id + " is " + run.get("state").asText() + " inside the window: " + run.get("reason"));
            }
            sum += run.get("step").asLong();
        }
        return sum;
    }

    private void awaitStates(List<String> ids, Set<String> wanted, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String id : ids) {
            while (true) {
                String state = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/runs/" + id)).GET()).body()).get("state").asText();
                if (wanted.contains(state)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("run " + id + " is still " + state + " after " + timeout.toSeconds() + " s, wanted " + wanted);
                }
                Thread.sleep(100);
            }
        }
    }

    /** This JVM's CPU seconds so far: the load client's own share of the machine. */
    private static double clientCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
