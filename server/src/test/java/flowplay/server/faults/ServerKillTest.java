package flowplay.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.server.runs.RunManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7, faults: a server killed (SIGKILL) while it writes checkpoints leaves only complete ones. Each cycle starts a
 * real server on the same data folder, trains two runs that write a large checkpoint every other step, and kills it
 * at a random moment; the last start must list only checkpoints that download and parse, leave no temp file, and
 * record the killed runs failed with their checkpoints.
 */
class ServerKillTest {
    private static final int CYCLES = 4;
    /** About 0.3 MB of weights per checkpoint, written at every (cheap, batch 8) step: most time goes to writing. */
    private static final String HEAVY = "{\"steps\": 100000, \"width\": 256, \"depth\": 2, \"batch\": 8, \"checkpointEvery\": 1}";
    private static final Pattern DELETED_TMP = Pattern.compile("deleted \\S+\\.tmp");

    @TempDir
    Path tmp;

    @Test
    void sigkillDuringCheckpointWritesLeavesOnlyCompleteCheckpoints() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path data = tmp.resolve("data");
        List<String> ids = new ArrayList<>();
        int tempFilesCleaned = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            long t0 = System.nanoTime();
            try (ServerProcess server = ServerProcess.start(data, tmp.resolve("logs-" + cycle))) {
                long t1 = System.nanoTime();
                tempFilesCleaned += count(DELETED_TMP, server.output());
                String a = server.create(HEAVY);
                String b = server.create(HEAVY);
                ids.add(a);
                ids.add(b);
                server.awaitAtLeast(a, "checkpointStep", 1, Duration.ofSeconds(60));
                server.awaitAtLeast(b, "checkpointStep", 1, Duration.ofSeconds(60));
                long t2 = System.nanoTime();
                String how;
                if (cycle % 2 == 1) {
                    // Aimed: kill the moment a checkpoint's temp file shows up, so that a write is cut short.
                    how = killAtAWrite(server, data.resolve("runs").resolve(a));
                } else {
                    int wait = random.nextInt(1500);
                    Thread.sleep(wait);
                    server.kill();
                    how = wait + " ms later";
                }
                System.out.printf("cycle %d: started in %.1f s, first checkpoints after %.1f s, killed %s%n", cycle, (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9, how);
            }
        }
        try (ServerProcess server = ServerProcess.start(data, tmp.resolve("logs-last"))) {
            tempFilesCleaned += count(DELETED_TMP, server.output());
            int checkpoints = 0;
            for (String id : ids) {
                JsonNode run = server.json("/api/runs/" + id);
                assertEquals("failed", run.get("state").asText(), run.toString());
                assertEquals(RunManager.INTERRUPTED, run.get("reason").asText());
                JsonNode listed = server.json("/api/runs/" + id + "/checkpoints");
                assertTrue(listed.size() >= 1, "run " + id + " keeps its checkpoints");
                long newest = -1;
                for (JsonNode c : listed) {
                    long step = c.get("step").asLong();
                    byte[] bytes = server.bytes(c.get("url").asText());
                    assertEquals(c.get("bytes").asLong(), bytes.length);
                    assertEquals(step, Checkpoint.fromBytes(bytes).step(), "checkpoint " + step + " of " + id + " parses");
                    newest = Math.max(newest, step);
                    checkpoints++;
                }
                assertEquals(newest, run.get("checkpointStep").asLong(), run.toString());
            }
            try (Stream<Path> files = Files.walk(data)) {
                List<Path> temp = files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
                assertTrue(temp.isEmpty(), "temp files left after start-up: " + temp);
            }
            System.out.printf("ServerKillTest seed %d: %d kills, %d checkpoints verified, %d temp files of interrupted writes cleaned%n",
                    seed, CYCLES, checkpoints, tempFilesCleaned);
            String fresh = server.create("{\"steps\": 20, \"width\": 8}");
            assertEquals("done", server.awaitEnd(fresh, Duration.ofSeconds(60)).get("state").asText(), "the server still trains");
            assertFalse(ids.contains(fresh));
        }
    }

    private static String killAtAWrite(ServerProcess server, Path runDir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(runDir)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"))) {
                    server.kill();
                    return "as a temp file was being written";
                }
            }
        }
        server.kill();
        return "after 3 s without catching a write";
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
