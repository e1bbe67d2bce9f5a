package flowplay.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.settings.Settings;
import flowplay.server.runs.RunManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs survive a restart: each test starts servers one after another on the same data folder. */
class RunPersistenceTest {
    @TempDir
    Path data;

    @Test
    void aFinishedRunIsListedDoneAfterARestartWithItsCheckpoints() throws Exception {
        String id;
        byte[] at50;
        byte[] at120;
        try (TestServer first = new TestServer(data)) {
            id = first.create("{\"steps\": 120, \"width\": 16, \"checkpointEvery\": 50}");
            assertEquals("done", first.awaitEnd(id, Duration.ofSeconds(60)).get("state").asText());
            at50 = download(first, id, 50);
            at120 = download(first, id, 120);
        }
        JsonNode record = TestServer.JSON.readTree(data.resolve("runs/" + id + "/run.json").toFile());
        assertEquals("done", record.get("state").asText());
        assertEquals(120, record.get("step").asLong());

        try (TestServer second = new TestServer(data)) {
            JsonNode run = TestServer.json(second.get("/api/runs/" + id));
            assertEquals("done", run.get("state").asText(), run.toString());
            assertEquals(120, run.get("step").asLong());
            assertEquals(120, run.get("checkpointStep").asLong());
            assertTrue(run.get("loss").asDouble() > 0);
            assertFalse(run.get("finished").isNull());
            assertEquals(List.of(id), ids(second));
            assertEquals(List.of(50L, 100L, 120L), steps(second, id));
            assertArrayEquals(at50, download(second, id, 50));
            assertArrayEquals(at120, download(second, id, 120));
            HttpResponse<byte[]> newest = second.getBytes("/api/runs/" + id + "/checkpoint");
            assertEquals(200, newest.statusCode());
            assertArrayEquals(at120, newest.body());

            String next = second.create("{\"steps\": 10, \"width\": 8}");
            assertNotEquals(id, next);
            assertEquals(List.of(id, next), ids(second), "oldest first, the restored run before the new one");
            assertEquals("done", second.awaitEnd(next, Duration.ofSeconds(60)).get("state").asText());
        }
    }

    @Test
    void runsInterruptedByACrashAreFailedAndTempFilesIgnored() throws Exception {
        Path running = data.resolve("runs/abc123");
        Files.createDirectories(running);
        Files.writeString(running.resolve("run.json"), record("abc123", "running", 40, "2026-01-01T10:00:00Z"));
        byte[] checkpoint = "a complete checkpoint".getBytes(StandardCharsets.UTF_8);
        Files.write(running.resolve("step-20.safetensors"), checkpoint);
        Files.writeString(running.resolve(".step-40.safetensors123456.tmp"), "half a checkpo");
        Files.writeString(running.resolve(".run.json98765.tmp"), "{\"id\": \"abc1");

        Path queued = data.resolve("runs/abc124");
        Files.createDirectories(queued);
        Files.writeString(queued.resolve("run.json"), record("abc124", "queued", 0, "2026-01-01T10:00:01Z"));

        Path corrupt = data.resolve("runs/abc125");
        Files.createDirectories(corrupt);
        Files.writeString(corrupt.resolve("run.json"), "{\"id\": \"abc125\", \"state\": ");

        try (TestServer server = new TestServer(data)) {
            assertEquals(List.of("abc123", "abc124"), ids(server), "the corrupt record is skipped");
            for (String id : new String[] {"abc123", "abc124"}) {
                JsonNode run = TestServer.json(server.get("/api/runs/" + id));
                assertEquals("failed", run.get("state").asText(), run.toString());
                assertEquals(RunManager.INTERRUPTED, run.get("reason").asText());
            }
            assertEquals(List.of(20L), steps(server, "abc123"), "only complete checkpoints are listed");
            assertArrayEquals(checkpoint, download(server, "abc123", 20));
            assertEquals(404, server.get("/api/runs/abc123/checkpoints/40").statusCode());
            assertEquals(404, server.get("/api/runs/abc125").statusCode());
            try (Stream<Path> files = Files.list(running)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temp files are cleaned");
            }
            JsonNode onDisk = TestServer.JSON.readTree(running.resolve("run.json").toFile());
            assertEquals("failed", onDisk.get("state").asText(), "the record is rewritten");
            assertEquals(20, onDisk.get("checkpointStep").asLong());

            String fresh = server.create("{\"steps\": 5, \"width\": 8}");
            assertFalse(List.of("abc123", "abc124", "abc125").contains(fresh));
            assertEquals("done", server.awaitEnd(fresh, Duration.ofSeconds(60)).get("state").asText());
        }
    }

    @Test
    void aGracefulStopFailsTheRunningRunAndKeepsItsCheckpoint() throws Exception {
        String id;
        try (TestServer first = new TestServer(data)) {
            id = first.create("{\"steps\": 100000, \"width\": 16, \"checkpointEvery\": 100000}");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (TestServer.json(first.get("/api/runs/" + id)).get("step").asLong() < 1) {
                assertTrue(System.nanoTime() < deadline, "the run never started");
                Thread.sleep(20);
            }
        }
        try (TestServer second = new TestServer(data)) {
            JsonNode run = TestServer.json(second.get("/api/runs/" + id));
            assertEquals("failed", run.get("state").asText(), run.toString());
            assertEquals(RunManager.INTERRUPTED, run.get("reason").asText());
            List<Long> steps = steps(second, id);
            assertEquals(1, steps.size(), "one checkpoint, written when the run was stopped: " + steps);
            assertEquals(steps.get(0), run.get("checkpointStep").asLong());
            assertEquals(200, second.getBytes("/api/runs/" + id + "/checkpoint").statusCode());
        }
    }

    @Test
    void aPointsRunKeepsItsPointsAcrossARestart() throws Exception {
        String done;
        String stopped;
        String csv = "0.0,0.0\n1.0,1.5\n-2.0,0.25\n";
        try (TestServer first = new TestServer(data)) {
            done = first.create("{\"dataset\": \"points\", \"steps\": 40, \"width\": 8, \"points\": \"0,0\\n1,1.5\\n-2,0.25\"}");
            assertEquals("done", first.awaitEnd(done, Duration.ofSeconds(60)).get("state").asText());
            stopped = first.create("{\"dataset\": \"points\", \"steps\": 100000, \"width\": 8, \"checkpointEvery\": 100000, "
                    + "\"points\": [[0, 0], [1, 1.5], [-2, 0.25]]}");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (TestServer.json(first.get("/api/runs/" + stopped)).get("step").asLong() < 1) {
                assertTrue(System.nanoTime() < deadline, "the run never started");
                Thread.sleep(20);
            }
        }
        try (TestServer second = new TestServer(data)) {
            for (String id : List.of(done, stopped)) {
                HttpResponse<String> points = second.get("/api/runs/" + id + "/points");
                assertEquals(200, points.statusCode(), points.body());
                assertEquals(csv, points.body());
                Checkpoint c = Checkpoint.fromBytes(second.getBytes("/api/runs/" + id + "/checkpoint").body());
                JsonNode training = TestServer.JSON.readTree(c.metadata().get(Checkpoint.KEY_TRAINING));
                assertEquals("3", training.get("pointsCount").asText());
                assertEquals(sha256(csv), training.get("pointsSha256").asText(), "the hash is sha256sum of points.csv");
            }
            assertEquals("failed", TestServer.json(second.get("/api/runs/" + stopped)).get("state").asText());
            Files.delete(data.resolve("runs/" + done + "/points.csv"));
            HttpResponse<String> lost = second.get("/api/runs/" + done + "/points");
            assertEquals(404, lost.statusCode());
            assertTrue(TestServer.json(lost).get("error").asText().contains("are missing"), lost.body());
        }
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static String record(String id, String state, long step, String created) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("settings", Settings.defaults(Settings.TRAIN).asMap());
        m.put("state", state);
        m.put("reason", null);
        m.put("created", created);
        m.put("finished", null);
        m.put("step", step);
        m.put("loss", step > 0 ? 1.25 : null);
        m.put("checkpointStep", null);
        return TestServer.JSON.writeValueAsString(m);
    }

    static byte[] download(TestServer server, String id, long step) throws Exception {
        HttpResponse<byte[]> r = server.getBytes("/api/runs/" + id + "/checkpoints/" + step);
        assertEquals(200, r.statusCode(), "checkpoint " + step + " of " + id);
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains(id + "-step-" + step + ".safetensors"));
        return r.body();
    }

    static List<Long> steps(TestServer server, String id) throws Exception {
        HttpResponse<String> r = server.get("/api/runs/" + id + "/checkpoints");
        assertEquals(200, r.statusCode(), r.body());
        List<Long> steps = new ArrayList<>();
        for (JsonNode c : TestServer.json(r)) {
            steps.add(c.get("step").asLong());
            assertEquals("/api/runs/" + id + "/checkpoints/" + c.get("step").asLong(), c.get("url").asText());
            assertTrue(c.get("bytes").asLong() > 0);
        }
        return steps;
    }

    private static List<String> ids(TestServer server) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode run : TestServer.json(server.get("/api/runs"))) {
            ids.add(run.get("id").asText());
        }
        return ids;
    }
}
