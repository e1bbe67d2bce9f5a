package flowplay.server.load;

import flowplay.core.settings.Setting;
import flowplay.core.settings.SettingException;
import flowplay.core.settings.SettingValues;
import flowplay.core.settings.Settings;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * {@code bench/load}: the server under a public demo's load, on loopback and bounded in time and requests. It starts
 * {@code serve} from this jar, then alternates phases of M training runs with and without N stream viewers (API calls
 * flow in both), and reports training steps/s in each, the viewers' progress-frame latency, and every error.
 */
public final class LoadBench {
    static final List<Setting> FLAGS = List.of(
            Setting.integer("viewers", 200, 0, 2000, "WebSocket viewers in the viewer phases, spread over the runs"),
            Setting.integer("runs", 2, 1, 16, "Training runs at once in every phase"),
            Setting.integer("window", 15, 2, 300, "Seconds each phase measures, after a 3 s warm-up"),
            Setting.integer("rounds", 2, 1, 10, "Pairs of phases (without viewers, then with), to average out drift"),
            Setting.integer("apiRate", 20, 1, 1000, "API calls per second during every phase").withFlag("api-rate"),
            Setting.integer("workers", 2, 1, 64, "The server's --workers (runs trained at once)"),
            Setting.integer("warmUp", 1, 0, 5, "Phases with viewers run first and left out of the verdict: a demo that has been up"
                    + " a while has its stream code compiled by the JIT").withFlag("warm-up"));

    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        SettingValues options;
        try {
            options = Settings.parse(FLAGS, flags(args));
        } catch (SettingException | IllegalArgumentException e) {
            System.err.println("bench/load: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path jar = Path.of(LoadBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path data = Files.createTempDirectory("flowplay-load");
        Path log = Path.of(System.getProperty("flowplay.load.log", "bench-load-server.log")).toAbsolutePath();
        int runs = options.getInt("runs");
        int viewers = options.getInt("viewers");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "load-client");
            t.setDaemon(true);
            return t;
        })).build();
        List<PhaseResult> results = new ArrayList<>();
        // One load client stands for many visitors: no per-client rate, and room for every viewer it opens.
        List<String> serve = List.of("--workers", Integer.toString(options.getInt("workers")), "--queue", Integer.toString(Math.max(16, runs)),
                "--runs-per-minute", "0", "--subscribers-per-run", Integer.toString(Math.max(250, viewers)),
                "--subscribers", Integer.toString(Math.max(1000, viewers)));
        try (ServerProcess server = ServerProcess.start(jar, data, log, serve)) {
            System.err.println("bench/load: server at " + server.base() + ", log " + log);
            Phase phase = new Phase(http, server.base(), runs, options.getInt("window"), options.getInt("apiRate"), server::cpuSeconds);
            long seed = 0;
            for (int i = 0; i < options.getInt("warmUp"); i++) {
                results.add(report(phase.measure(viewers, seed++, true)));
            }
            for (int round = 0; round < options.getInt("rounds"); round++) {
                results.add(report(phase.measure(0, seed++, false)));
                results.add(report(phase.measure(viewers, seed++, false)));
            }
        } finally {
            deleteTree(data);
        }
        System.out.println(LoadReport.markdown(options, results));
    }

    private static PhaseResult report(PhaseResult r) {
        System.err.println("bench/load: " + r.summary());
        return r;
    }

    /** {@code --flag value} pairs, by the table's flags; anything else is refused naming what is accepted. */
    static Map<String, String> flags(String[] args) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            Setting s = null;
            for (Setting f : FLAGS) {
                if (args[i].equals("--" + f.flag())) {
                    s = f;
                }
            }
            if (s == null || i + 1 == args.length) {
                List<String> known = new ArrayList<>();
                FLAGS.forEach(f -> known.add("--" + f.flag() + " (" + f.allowed() + ", default " + f.defaultValue() + ")"));
                throw new SettingException(args[i], (s == null ? "unknown flag " : "no value for ") + args[i], String.join(", ", known));
            }
            raw.put(s.name(), args[++i]);
        }
        return raw;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
