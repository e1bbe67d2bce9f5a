package flowplay.server.cli;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.server.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    static Path dir;
    static Path model;

    /** What one CLI invocation printed and returned. */
    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void train() throws Exception {
        model = dir.resolve("moons.safetensors");
        Result r = cli("train", "--dataset", "moons", "--steps", "300", "--seed", "0", "--checkpointEvery", "100", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("step 300/300"), r.err());
        assertTrue(r.err().contains("steps/s"), r.err());
    }

    @Test
    void trainWithTheNd4jEngine() throws Exception {
        Path out = dir.resolve("nd4j.safetensors");
        Result r = cli("train", "--engine", "nd4j", "--dataset", "moons", "--steps", "50", "--seed", "0", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("engine nd4j"), r.err());
        assertEquals(50, Checkpoint.fromBytes(Files.readAllBytes(out)).step());
    }

    @Test
    void trainOnAPointsFileAndOnAFileDataSet() throws Exception {
        Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, "x,y\n0,0\n1,1\n2,0\n");
        Path out = dir.resolve("points.safetensors");
        Result r = cli("train", "--dataset", "points", "--points", csv.toString(), "--steps", "30", "--width", "8", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String training = Checkpoint.fromBytes(Files.readAllBytes(out)).metadata().get(Checkpoint.KEY_TRAINING);
        assertTrue(training.contains("\"dataset\":\"points\"") && training.contains("\"pointsCount\":\"3\""), training);
        assertTrue(training.contains("\"pointsSha256\":\""), training);

        Path iris = dir.resolve("iris.safetensors");
        r = cli("train", "--dataset", "iris", "--steps", "30", "--width", "8", "--out", iris.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Checkpoint.fromBytes(Files.readAllBytes(iris)).metadata().get(Checkpoint.KEY_TRAINING).contains("\"pointsCount\":\"150\""));
    }

    @Test
    void missingOrBadPointsExit2WithOneLineNamingTheFlag() throws Exception {
        Path out = dir.resolve("never.safetensors");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2\n3,4,5\n");
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "1,2\nNaN,4\n");
        assertUsage("--points: required with --dataset points (a CSV file of x,y lines)",
                "train", "--dataset", "points", "--out", out.toString());
        assertUsage("--points: " + bad + ": line 2: expected 2 values, found 3",
                "train", "--dataset", "points", "--points", bad.toString(), "--out", out.toString());
        assertUsage("--points: " + nan + ": line 2: 'NaN' is not a finite number",
                "train", "--dataset", "points", "--points", nan.toString(), "--out", out.toString());
        assertUsage("--points: cannot read " + dir.resolve("none.csv") + ": no such file",
                "train", "--dataset", "points", "--points", dir.resolve("none.csv").toString(), "--out", out.toString());
        assertUsage("--points: only with --dataset points, not with --dataset moons",
                "train", "--dataset", "moons", "--points", bad.toString(), "--out", out.toString());
        assertFalse(Files.exists(out));
    }

    private static void assertUsage(String message, String... args) {
        Result r = cli(args);
        assertEquals(2, r.code(), r.err());
        assertEquals("flowplay: " + message + System.lineSeparator(), r.err());
    }

    @Test
    void progressLineShowsStepLossRateAndEta() {
        String line = TrainCommand.ProgressLine.format(1200, 5000, 1.2345, 2000, true);
        assertTrue(line.startsWith("[######"), line);
        assertTrue(line.contains("step 1200/5000 ( 24%)  loss 1.2345  2000 steps/s  ETA 0:02"), line);
        assertEquals("1:01:01", TrainCommand.ProgressLine.duration(3661));
        assertFalse(TrainCommand.ProgressLine.format(1, 10, 1, 5, false).contains("["));
    }

    @Test
    void benchTrainRunsBriefly() {
        Result r = cli("bench", "train", "--hidden", "8", "--warmup", "0", "--seconds", "0.05", "--reps", "1", "--no-pytorch");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("H=8    java"), r.out());
        assertTrue(r.out().contains("H=8    nd4j"), r.out());
        assertTrue(r.out().contains("2 concurrent"), r.out());
    }

    @Test
    void trainWritesAParsableCheckpoint() throws Exception {
        Checkpoint c = Checkpoint.fromBytes(Files.readAllBytes(model));
        assertEquals(300, c.step());
        assertEquals(2, c.model().dim());
        assertTrue(c.metadata().get(Checkpoint.KEY_TRAINING).contains("\"steps\":\"300\""), c.metadata().toString());
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void sampleWithEulerAndHeun() throws Exception {
        for (String solver : new String[] {"euler", "heun"}) {
            Path out = dir.resolve(solver + ".csv");
            Result r = cli("sample", "--checkpoint", model.toString(), "--solver", solver, "--steps", "8", "--n", "500", "--seed", "3",
                    "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            List<String> lines = Files.readAllLines(out);
            assertEquals(500, lines.size());
            double meanY = 0;
            for (String line : lines) {
                String[] xy = line.split(",");
                assertEquals(2, xy.length, line);
                assertTrue(Double.isFinite(Double.parseDouble(xy[0])) && Double.isFinite(Double.parseDouble(xy[1])), line);
                meanY += Double.parseDouble(xy[1]) / lines.size();
            }
            // Two moons have mean y ≈ 0.25; N(0, I) noise has 0: the flow moved the points.
            assertTrue(meanY > 0.05 && meanY < 0.5, solver + " mean y " + meanY);
        }
    }

    @Test
    void sampleFromGivenPointsToStdout() throws Exception {
        Path x0 = dir.resolve("x0.csv");
        Files.writeString(x0, "0,0\n\n0.5, -1.25\n1e-3,2\n");
        Result r = cli("sample", "--checkpoint", model.toString(), "--solver", "euler", "--steps", "4", "--x0", x0.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.out().trim().split("\n").length, r.out());
    }

    @Test
    void badPointsFileNamesFileAndLine() throws Exception {
        Path x0 = dir.resolve("bad.csv");
        Files.writeString(x0, "0,0\n1,NaN\n");
        Result r = cli("sample", "--checkpoint", model.toString(), "--x0", x0.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.csv line 2"), r.err());
        Files.writeString(x0, "0,0,0\n");
        r = cli("sample", "--checkpoint", model.toString(), "--x0", x0.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 1") && r.err().contains("expected 2 numbers"), r.err());
    }

    @Test
    void badFlagsExitWith2AndNameTheFlag() {
        assertBadFlag(new String[] {"train", "--steps", "0", "--out", "x"}, "--steps", "integer in [1, 100000]");
        assertBadFlag(new String[] {"train", "--lr", "abc", "--out", "x"}, "--lr", "number in");
        assertBadFlag(new String[] {"train", "--activation", "sigmoid", "--out", "x"}, "--activation", "one of elu, silu, relu, tanh, gelu");
        assertBadFlag(new String[] {"sample", "--checkpoint", "m", "--steps", "5000"}, "--steps", "integer in [1, 1000]");
        assertBadFlag(new String[] {"sample", "--checkpoint", "m", "--solver", "rk5"}, "--solver", "one of euler, midpoint, heun, rk4, dopri5, em");
        assertBadFlag(new String[] {"train", "--bogus", "1", "--out", "x"}, "--bogus", null);
        assertBadFlag(new String[] {"sample", "--checkpoint", model.toString(), "--x0", "a.csv", "--n", "3"}, "--x0", null);
        assertBadFlag(new String[] {"serve", "--port", "http"}, "--port", null);
        assertBadFlag(new String[] {"train", "--engine", "cuda", "--out", "x"}, "--engine", "java, nd4j");
    }

    private static void assertBadFlag(String[] args, String flag, String allowed) {
        Result r = cli(args);
        assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
        assertTrue(r.err().contains(flag), r.err());
        if (allowed != null) {
            assertTrue(r.err().contains(allowed), r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals(1, r.err().trim().split("\n").length, "one line: " + r.err());
    }

    @Test
    void helpListsTheSettingFlags() {
        Result r = cli("train", "--help");
        assertEquals(0, r.code());
        for (String flag : new String[] {"--dataset", "--steps", "--batch", "--lr", "--seed", "--width", "--depth", "--activation",
                "--checkpointEvery", "--out", "--engine"}) {
            assertTrue(r.out().contains(flag), flag + " in " + r.out());
        }
    }
}
