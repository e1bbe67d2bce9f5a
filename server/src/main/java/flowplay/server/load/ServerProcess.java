package flowplay.server.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under load: {@code serve} from the same jar in its own JVM, so that the measured process is the one a
 * public demo runs, on 127.0.0.1 and a free port, with its log in a file.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Flowplay listening on (http://\\S+?)/?$");

    private final Process process;
    private final String base;

    private ServerProcess(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    static ServerProcess start(Path jar, Path data, Path log, List<String> serveArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port", "0",
                "--data", data.toString()));
        command.addAll(serveArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process process = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line.trim());
                    if (m.matches()) {
                        return m.group(1);
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String base = listening.get(120, TimeUnit.SECONDS);
            if (base == null) {
                throw new IOException("the server exited before it listened; see " + log);
            }
            return new ServerProcess(process, base);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the server did not start within 120 s; see " + log, e);
        }
    }

    /** CPU time the server process has used so far, in seconds (-1 where the platform does not say). */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    /** {@code http://127.0.0.1:PORT} without a trailing slash. */
    String base() {
        return base;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
