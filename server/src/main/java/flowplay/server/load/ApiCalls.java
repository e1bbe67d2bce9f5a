package flowplay.server.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of the API calls a busy demo sees (the run list, a run, its checkpoints, the settings, health and
 * readiness) at a fixed rate; any answer other than 200, or no answer within 5 s, is an error.
 */
final class ApiCalls implements AutoCloseable {
    private final HttpClient http;
    private final String base;
    private final List<String> paths = new ArrayList<>();
    private final Latencies latency = new Latencies();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> errorSamples = new ArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "api-calls");
        t.setDaemon(true);
        return t;
    });

    ApiCalls(HttpClient http, String base, List<String> runIds, int perSecond) {
        this.http = http;
        this.base = base;
        paths.add("/api/runs");
        for (String id : runIds) {
            paths.add("/api/runs/" + id);
            paths.add("/api/runs/" + id + "/checkpoints");
        }
        paths.addAll(List.of("/api/settings", "/health", "/ready"));
        clock.scheduleAtFixedRate(this::call, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    private void call() {
        String path = paths.get((int) (calls.getAndIncrement() % paths.size()));
        long start = System.nanoTime();
        http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    latency.add((System.nanoTime() - start) / 1_000_000);
                    if (e != null || r.statusCode() != 200) {
                        errors.incrementAndGet();
                        synchronized (errorSamples) {
                            if (errorSamples.size() < 5) {
                                errorSamples.add("GET " + path + ": " + (e != null ? e.toString() : "HTTP " + r.statusCode()));
                            }
                        }
                    }
                });
    }

    long calls() {
        return calls.get();
    }

    long errors() {
        return errors.get();
    }

    Latencies latency() {
        return latency;
    }

    List<String> errorSamples() {
        synchronized (errorSamples) {
            return List.copyOf(errorSamples);
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
