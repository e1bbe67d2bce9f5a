package flowplay.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real playground: {@code java -jar server/target/flowplay.jar serve} on a free port with a fresh data folder.
 * Its output goes to {@code target/server.log}; {@link #close()} stops it and deletes the data folder.
 */
public final class FlowplayProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Flowplay listening on (http://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path dataDir;
    private final String baseUrl;
    private final Thread drainer;
    private final Thread shutdownHook;

    private FlowplayProcess(Process process, Path dataDir, String baseUrl, Thread drainer, Thread shutdownHook) {
        this.process = process;
        this.dataDir = dataDir;
        this.baseUrl = baseUrl;
        this.drainer = drainer;
        this.shutdownHook = shutdownHook;
    }

    /** The folder for logs and screenshots: {@code e2e-tests/target} (set by the pom, {@code target} otherwise). */
    public static Path targetDir() {
        Path dir = Path.of(System.getProperty("flowplay.e2e.target", "target"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The server jar, from the system property {@code flowplay.jar} (set by the pom) or the usual place in the tree. */
    public static Path serverJar() {
        Path jar = Path.of(System.getProperty("flowplay.jar", "../server/target/flowplay.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            fail("The server jar " + jar + " does not exist. The e2e tests run the real server: build it first "
                    + "(from the repository root, `mvn -B verify` builds every module in order; or `mvn -B -q install -DskipTests` "
                    + "and then `mvn -B verify -pl e2e-tests`).");
        }
        return jar;
    }

    /** Starts {@code serve --host 127.0.0.1 --port <free> --data <temp>} and waits for the "listening" line. */
    public static FlowplayProcess start() throws IOException, InterruptedException {
        return start(new String[0]);
    }

    /** As {@link #start()}, with more {@code serve} flags (e.g. {@code --workers 1}). */
    public static FlowplayProcess start(String... serveFlags) throws IOException, InterruptedException {
        Path jar = serverJar();
        Path dataDir = Files.createTempDirectory("flowplay-e2e-data");
        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // As the README's run command: the java engine's vector kernels need the incubating Vector API module.
        List<String> command = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--data", dataDir.toString()));
        command.addAll(List.of(serveFlags));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // As the README's run command: ND4J sizes its native op pool from this variable only, and one thread per run is the design.
        pb.environment().put("OMP_NUM_THREADS", "1");
        Path log = targetDir().resolve("server.log");
        Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        logWriter.write("==== " + Instant.now() + " " + String.join(" ", pb.command()) + System.lineSeparator());
        logWriter.flush();

        Process process = pb.start();
        Thread hook = new Thread(process::destroyForcibly, "flowplay-e2e-kill");
        Runtime.getRuntime().addShutdownHook(hook);

        CountDownLatch ready = new CountDownLatch(1);
        String[] url = new String[1];
        Deque<String> tail = new ArrayDeque<>();
        Thread drainer = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer out = logWriter) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.write(System.lineSeparator());
                    out.flush();
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 40) {
                            tail.removeFirst();
                        }
                    }
                    if (ready.getCount() > 0) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            url[0] = m.group(1);
                            ready.countDown();
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away; its exit is reported by whoever waits for it
            }
        }, "flowplay-e2e-server-log");
        drainer.setDaemon(true);
        drainer.start();

        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready.await(200, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String why = process.isAlive()
                        ? "did not print \"Flowplay listening on http://…\" within " + START_TIMEOUT.toSeconds() + " s"
                        : "exited with code " + process.waitFor() + " before printing \"Flowplay listening on http://…\"";
                drainer.join(2000);
                process.destroyForcibly();
                String lastLines;
                synchronized (tail) {
                    lastLines = String.join(System.lineSeparator(), tail);
                }
                fail("The server (" + String.join(" ", pb.command()) + ") " + why + ". Full output: " + log.toAbsolutePath()
                        + ". Last lines:" + System.lineSeparator() + lastLines);
            }
        }
        String base = url[0].endsWith("/") ? url[0] : url[0] + "/";
        return new FlowplayProcess(process, dataDir, base, drainer, hook);
    }

    /** {@code http://127.0.0.1:PORT/}, as printed by the server. */
    public String baseUrl() {
        return baseUrl;
    }

    /** GET on the server's HTTP API, e.g. {@code get("api/runs")}; fails unless the status is 200. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            fail("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** GET of a binary resource, e.g. a checkpoint; fails unless the status is 200. */
    public byte[] getBytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            fail("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        drainer.join(2000);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        deleteRecursively(dataDir);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temp folder left behind is harmless
                }
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
