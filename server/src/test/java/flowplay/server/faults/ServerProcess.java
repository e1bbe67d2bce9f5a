package flowplay.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code flowplay serve} in a child JVM on a free port, to be killed like a real server: SIGKILL
 * ({@link #kill()}) or SIGTERM ({@link #stop()}). Children never outlive the test JVM: {@link #close()} kills them,
 * and a shutdown hook kills any still alive if the tests themselves are killed.
 */
final class ServerProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Pattern LISTENING = Pattern.compile("Flowplay listening on (http://\\S+?)/?$", Pattern.MULTILINE);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-test-servers"));
    }

    final Process process;
    final String base;
    final Path stdout;
    final Path stderr;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServerProcess(Process process, String base, Path stdout, Path stderr) {
        this.process = process;
        this.base = base;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts a server on {@code data}, its output in {@code logs}, and waits until it listens. */
    static ServerProcess start(Path data, Path logs) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path out = logs.resolve("stdout.txt");
        Path err = logs.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire's class path (its manifest-only jar when forked) names every class and jar the server needs.
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), "flowplay.server.Main", "serve", "--port", "0", "--data", data.toString(),
                "--workers", "2")).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        LIVE.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Matcher m = LISTENING.matcher(Files.readString(out));
            if (m.find()) {
                return new ServerProcess(p, m.group(1), out, err);
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                LIVE.remove(p);
                throw new AssertionError("the server did not start: " + Files.readString(err));
            }
            Thread.sleep(50);
        }
    }

    /** Everything the server printed so far, its log included (stdout and stderr, wherever the log configuration sends it). */
    String output() throws IOException {
        return Files.readString(stdout) + Files.readString(stderr);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + r.statusCode());
        }
        return r.body();
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    String create(String settings) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(settings)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("POST " + settings + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Polls the run until {@code field} is at least {@code atLeast}; returns the run's JSON. */
    JsonNode awaitAtLeast(String id, String field, long atLeast, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode run = json("/api/runs/" + id);
            if (run.path(field).asLong(-1) >= atLeast) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + id + ": " + field + " not " + atLeast + " within " + timeout + ": " + run);
            }
            Thread.sleep(20);
        }
    }

    JsonNode awaitEnd(String id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode run = json("/api/runs/" + id);
            if (run.get("state").asText().matches("done|failed|cancelled") || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(50);
        }
    }

    /** SIGKILL: no shutdown hook, no last write. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        LIVE.remove(process);
    }

    /** SIGTERM, then waits up to {@code timeout}; returns the exit code, or -1 when it did not exit (it is then killed). */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            kill();
            return -1;
        }
        LIVE.remove(process);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        LIVE.remove(process);
    }
}
