package flowplay.server.cli;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.json.Json;
import flowplay.core.model.Activation;
import flowplay.core.model.Mlp;
import flowplay.core.path.Scheduler;
import flowplay.core.path.Schedulers;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static flowplay.server.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sample, likelihood (and eval) on checkpoints written directly, with closed forms where the flow is known. */
class CheckpointCommandsTest {
    @TempDir
    static Path dir;
    /** A random tanh network predicting the velocity on condot, d = 2. */
    static Path velocity2;

    @BeforeAll
    static void checkpoints() throws IOException {
        velocity2 = write("velocity2", random(2, 7), Schedulers.byName("condot"), Prediction.VELOCITY);
    }

    static Mlp random(int dim, long seed) {
        return Mlp.init(new int[] {dim + 1, 16, 16, dim}, Activation.TANH, new Rng(seed));
    }

    static Path write(String name, Mlp mlp, Scheduler scheduler, Prediction prediction) throws IOException {
        Path file = dir.resolve(name + ".safetensors");
        Files.write(file, Checkpoint.of(mlp, scheduler, prediction, Map.of()).toBytes());
        return file;
    }

    static double[][] readCsv(Path file, int columns) throws IOException {
        List<String> lines = Files.readAllLines(file);
        double[][] rows = new double[lines.size()][];
        for (int i = 0; i < rows.length; i++) {
            String[] parts = lines.get(i).split(",");
            assertEquals(columns, parts.length, file + " line " + (i + 1) + ": " + lines.get(i));
            rows[i] = new double[columns];
            for (int j = 0; j < columns; j++) {
                rows[i][j] = Double.parseDouble(parts[j]);
                assertTrue(Double.isFinite(rows[i][j]), file + " line " + (i + 1) + ": " + lines.get(i));
            }
        }
        return rows;
    }

    static int nfe(String err) {
        Matcher m = Pattern.compile("NFE (\\d+)").matcher(err);
        assertTrue(m.find(), err);
        return Integer.parseInt(m.group(1));
    }

    static MainTest.Result sample(Path checkpoint, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sample", "--checkpoint", checkpoint.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        MainTest.Result r = cli(args.toArray(new String[0]));
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    @Test
    void everySolverWritesFinitePointsAndReportsNfe() throws IOException {
        int[] expectedNfe = {10, 20, 20, 40, -1, 10};
        String[] solvers = {"euler", "midpoint", "heun", "rk4", "dopri5", "em"};
        for (int k = 0; k < solvers.length; k++) {
            Path out = dir.resolve("every-" + solvers[k] + ".csv");
            MainTest.Result r = sample(velocity2, out, "--solver", solvers[k], "--steps", "10", "--n", "300", "--seed", "4");
            assertEquals(300, readCsv(out, 2).length);
            if (expectedNfe[k] > 0) {
                assertEquals(expectedNfe[k], nfe(r.err()), r.err());
            } else {
                assertTrue(nfe(r.err()) > 0 && r.err().contains("accepted") && r.err().contains("rejected"), r.err());
            }
            assertFalse(r.err().contains("clipped"), "velocity on condot needs no clipping: " + r.err());
        }
    }

    @Test
    void everySchedulerAndPredictionInThreeDimensions() throws IOException {
        Path x0 = dir.resolve("x0-3d.csv");
        Files.writeString(x0, "0,0,0\n0.5,-1,2\n-1.5,0.25,0.75\n");
        long seed = 11;
        for (String s : Schedulers.names()) {
            for (Prediction p : Prediction.values()) {
                Path model = write("m-" + s + "-" + p.id(), random(3, seed++), Schedulers.byName(s), p);
                Path out = dir.resolve("m-" + s + "-" + p.id() + ".csv");
                MainTest.Result r = sample(model, out, "--solver", "heun", "--steps", "20", "--x0", x0.toString());
                assertEquals(3, readCsv(out, 3).length, s + "/" + p.id() + ": " + r.err());
                sample(model, out, "--solver", "rk4", "--steps", "5", "--n", "50");
                assertEquals(50, readCsv(out, 3).length);
            }
        }
    }

    @Test
    void dopri5WithTightTolerancesAgreesWithRk4() throws IOException {
        Path rk4 = dir.resolve("ref-rk4.csv");
        Path dopri = dir.resolve("ref-dopri5.csv");
        sample(velocity2, rk4, "--solver", "rk4", "--steps", "400", "--n", "200", "--seed", "9");
        MainTest.Result r = sample(velocity2, dopri, "--solver", "dopri5", "--steps", "1", "--rtol", "1e-7", "--atol", "1e-7", "--n", "200",
                "--seed", "9");
        assertTrue(nfe(r.err()) < 1600, "fewer evaluations than rk4: " + r.err());
        double[][] a = readCsv(rk4, 2);
        double[][] b = readCsv(dopri, 2);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(a[i][j], b[i][j], 1e-3, "point " + i);
            }
        }
    }

    @Test
    void emWithoutNoiseIsEulerExactly() throws IOException {
        Path euler = dir.resolve("em0-euler.csv");
        Path em = dir.resolve("em0-em.csv");
        sample(velocity2, euler, "--solver", "euler", "--steps", "12", "--n", "100", "--seed", "5");
        sample(velocity2, em, "--solver", "em", "--noise", "0", "--steps", "12", "--n", "100", "--seed", "5");
        assertEquals(Files.readString(euler), Files.readString(em));
        // With noise the score is needed, singular at t=1 for a velocity model on condot: the grid stops at 1 − eps.
        MainTest.Result r = sample(velocity2, em, "--solver", "em", "--noise", "0.3", "--steps", "12", "--n", "100", "--seed", "5");
        assertTrue(r.err().contains("grid clipped to [0.0, 0.999]") && r.err().contains("score"), r.err());
        assertEquals(100, readCsv(em, 2).length);
        assertTrue(!Files.readString(euler).equals(Files.readString(em)));
    }

    @Test
    void x0PredictionOnCondotReportsTheClippedGrid() throws IOException {
        Path model = write("x0-condot", random(2, 3), Schedulers.byName("condot"), Prediction.X0);
        Path out = dir.resolve("x0-condot.csv");
        MainTest.Result r = sample(model, out, "--solver", "euler", "--steps", "10", "--n", "20");
        assertTrue(r.err().contains("grid clipped to [0.001, 1.0]: x0 prediction is singular at t=0 on condot"), r.err());
        r = sample(model, out, "--solver", "euler", "--steps", "10", "--n", "20", "--eps", "0.01");
        assertTrue(r.err().contains("grid clipped to [0.01, 1.0]"), r.err());
        MainTest.Result bad = cli("sample", "--checkpoint", model.toString(), "--eps", "0", "--out", out.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--eps") && bad.err().contains("singular"), bad.err());
    }

    @Test
    void scheduleChangeKeepsTheEndpointsAndBendsThePaths() throws IOException {
        Path plainOut = dir.resolve("sched-condot.csv");
        Path plainTraj = dir.resolve("sched-condot-traj.csv");
        Path cosOut = dir.resolve("sched-cosine.csv");
        Path cosTraj = dir.resolve("sched-cosine-traj.csv");
        int n = 400;
        sample(velocity2, plainOut, "--solver", "rk4", "--steps", "50", "--n", String.valueOf(n), "--seed", "2", "--trajectories",
                plainTraj.toString());
        MainTest.Result r = sample(velocity2, cosOut, "--solver", "rk4", "--steps", "50", "--n", String.valueOf(n), "--seed", "2",
                "--schedule", "cosine", "--trajectories", cosTraj.toString());
        assertTrue(r.err().contains("grid clipped to [0.0, 0.999]") && r.err().contains("condot → cosine"), r.err());
        double[][] a = readCsv(plainOut, 2);
        double[][] b = readCsv(cosOut, 2);
        double[] meanA = new double[2];
        double[] meanB = new double[2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                meanA[j] += a[i][j] / n;
                meanB[j] += b[i][j] / n;
                assertEquals(a[i][j], b[i][j], 0.05, "same endpoint map, up to the clipped end; point " + i);
            }
        }
        assertEquals(meanA[0], meanB[0], 0.01);
        assertEquals(meanA[1], meanB[1], 0.01);
        // Halfway (frame 25, t = 0.5) the cosine path is elsewhere.
        double[][] ta = readCsv(plainTraj, 4);
        double[][] tb = readCsv(cosTraj, 4);
        double gap = 0;
        for (int i = 0; i < n; i++) {
            int row = i * 51 + 25;
            assertEquals(0.5, ta[row][1], 1e-9);
            assertEquals(i, (int) tb[row][0]);
            gap += Math.hypot(ta[row][2] - tb[row][2], ta[row][3] - tb[row][3]) / n;
        }
        assertTrue(gap > 0.05, "paths differ at t=0.5: mean gap " + gap);
        // em with noise needs a score the transformed field does not have.
        MainTest.Result bad = cli("sample", "--checkpoint", velocity2.toString(), "--solver", "em", "--noise", "0.5", "--schedule", "cosine");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--schedule") && bad.err().contains("score"), bad.err());
    }

    @Test
    void everyScheduleChangeFromEveryTrainedScheduler() throws IOException {
        long seed = 40;
        for (String trained : Schedulers.names()) {
            for (Prediction p : new Prediction[] {Prediction.VELOCITY, Prediction.X0}) {
                Path model = write("change-" + trained + "-" + p.id(), random(2, seed++), Schedulers.byName(trained), p);
                for (String target : Schedulers.names()) {
                    Path out = dir.resolve("change.csv");
                    MainTest.Result r = sample(model, out, "--solver", "rk4", "--steps", "10", "--n", "20", "--schedule", target);
                    assertTrue(r.err().contains("grid clipped to") && r.err().contains(trained + " → " + target), r.err());
                    assertEquals(20, readCsv(out, 2).length);
                }
            }
        }
        // vp starts above zero SNR: the changed schedule starts where it reaches that SNR, said on stderr.
        MainTest.Result r = sample(write("vp-start", random(2, 3), Schedulers.byName("vp"), Prediction.VELOCITY), dir.resolve("vp.csv"),
                "--solver", "euler", "--steps", "4", "--n", "3", "--schedule", "cosine");
        assertTrue(r.err().contains("starting signal-to-noise ratio"), r.err());
    }

    @Test
    void trajectoriesHaveOneLinePerPointAndFrame() throws IOException {
        Path out = dir.resolve("traj-out.csv");
        Path traj = dir.resolve("traj.csv");
        sample(velocity2, out, "--solver", "midpoint", "--steps", "6", "--n", "13", "--trajectories", traj.toString());
        double[][] rows = readCsv(traj, 4);
        assertEquals(7 * 13, rows.length);
        double[][] last = readCsv(out, 2);
        for (int i = 0; i < 13; i++) {
            for (int k = 0; k < 7; k++) {
                double[] row = rows[i * 7 + k];
                assertEquals(i, (int) row[0]);
                assertEquals(k / 6.0, row[1], 1e-12);
            }
            assertEquals(last[i][0], rows[i * 7 + 6][2], 0);
            assertEquals(last[i][1], rows[i * 7 + 6][3], 0);
        }
        sample(velocity2, out, "--solver", "dopri5", "--steps", "4", "--n", "5", "--trajectories", traj.toString());
        assertEquals(5 * 5, readCsv(traj, 4).length);
        bad("--trajectories", "sample", "--checkpoint", velocity2.toString(), "--trajectories", "-");
        bad("--trajectories", "sample", "--checkpoint", velocity2.toString(), "--n", "100000", "--steps", "1000", "--trajectories",
                traj.toString(), "--out", out.toString());
    }

    /** u(x, t) = W x with W = [[a, b], [b, a]]: x1 = e^W x0, log p1(x) = log N(e^{−W} x; 0, I) − tr W. */
    @Test
    void likelihoodOfALinearFlowMatchesTheClosedForm() throws IOException {
        float a = 0.4f;
        float b = 0.3f;
        Mlp linear = new Mlp(new int[] {3, 2}, new float[][] {{a, b, 0, b, a, 0}}, new float[][] {{0, 0}}, Activation.ELU);
        Path model = write("linear", linear, Schedulers.byName("condot"), Prediction.VELOCITY);
        Path points = dir.resolve("lin-points.csv");
        double[][] xs = {{0, 0}, {1, -0.5}, {-2, 1.5}, {0.3, 0.7}, {2.5, 2}};
        StringBuilder csv = new StringBuilder();
        for (double[] x : xs) {
            csv.append(x[0]).append(',').append(x[1]).append('\n');
        }
        Files.writeString(points, csv);
        Path exactOut = dir.resolve("lin-exact.csv");
        Path hutchOut = dir.resolve("lin-hutch.csv");
        MainTest.Result r = cli("likelihood", "--checkpoint", model.toString(), "--points", points.toString(), "--out", exactOut.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("exact divergence"), "default for d = 2: " + r.err());
        r = cli("likelihood", "--checkpoint", model.toString(), "--points", points.toString(), "--hutchinson", "4000", "--seed", "3",
                "--steps", "20", "--out", hutchOut.toString());
        assertEquals(0, r.code(), r.err());
        double[][] exact = readCsv(exactOut, 1);
        double[][] hutch = readCsv(hutchOut, 1);
        assertEquals(xs.length, exact.length);
        for (int i = 0; i < xs.length; i++) {
            double s = Math.sqrt(0.5);
            double y1 = (xs[i][0] + xs[i][1]) * s * Math.exp(-(a + b));
            double y2 = (xs[i][0] - xs[i][1]) * s * Math.exp(-(a - b));
            double expected = -0.5 * (y1 * y1 + y2 * y2) - Math.log(2 * Math.PI) - 2 * a;
            assertEquals(expected, exact[i][0], 1e-3, "exact, point " + i);
            assertEquals(expected, hutch[i][0], 0.06, "Hutchinson, point " + i);
        }
    }

    /**
     * An x1-prediction network that always says 0 on condot: u = −x/(1 − t), singular at t=1, so the grid stops at 1 − eps
     * and log p_{1−eps}(x) = log N(x; 0, eps² I).
     */
    @Test
    void likelihoodOfAClippedX1PredictionMatchesTheClosedForm() throws IOException {
        Mlp zero = new Mlp(new int[] {3, 2}, new float[][] {new float[6]}, new float[][] {new float[2]}, Activation.ELU);
        Path model = write("x1-zero", zero, Schedulers.byName("condot"), Prediction.X1);
        Path points = dir.resolve("x1-points.csv");
        Files.writeString(points, "0,0\n0.05,-0.02\n-0.1,0.15\n");
        Path out = dir.resolve("x1-logp.csv");
        MainTest.Result r = cli("likelihood", "--checkpoint", model.toString(), "--points", points.toString(), "--eps", "0.1", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("grid clipped to [0.0, 0.9]") && r.err().contains("x1 prediction is singular at t=1"), r.err());
        double[][] logP = readCsv(out, 1);
        double[][] xs = {{0, 0}, {0.05, -0.02}, {-0.1, 0.15}};
        for (int i = 0; i < xs.length; i++) {
            double sq = xs[i][0] * xs[i][0] + xs[i][1] * xs[i][1];
            double expected = -sq / (2 * 0.01) - 2 * Math.log(0.1) - Math.log(2 * Math.PI);
            assertEquals(expected, logP[i][0], 1e-3, "point " + i);
        }
    }

    @Test
    void likelihoodDefaultsToHutchinsonAboveEightDimensionsAndWorksForEveryPrediction() throws IOException {
        Path model = write("d10", random(10, 21), Schedulers.byName("condot"), Prediction.VELOCITY);
        Path points = dir.resolve("d10.csv");
        StringBuilder csv = new StringBuilder();
        Rng rng = new Rng(1);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 10; j++) {
                csv.append(j == 0 ? "" : ",").append((float) rng.nextGaussian());
            }
            csv.append('\n');
        }
        Files.writeString(points, csv);
        Path out = dir.resolve("d10-logp.csv");
        MainTest.Result r = cli("likelihood", "--checkpoint", model.toString(), "--points", points.toString(), "--steps", "10", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("Hutchinson with 16 probes"), r.err());
        assertEquals(7, readCsv(out, 1).length);
        Path points2 = dir.resolve("p2.csv");
        Files.writeString(points2, "0.1,0.2\n-1,1\n");
        for (String s : Schedulers.names()) {
            for (Prediction p : Prediction.values()) {
                Path m = write("lik-" + s + "-" + p.id(), random(2, 5), Schedulers.byName(s), p);
                r = cli("likelihood", "--checkpoint", m.toString(), "--points", points2.toString(), "--steps", "20", "--out", out.toString());
                assertEquals(0, r.code(), s + "/" + p.id() + ": " + r.err());
                assertEquals(2, readCsv(out, 1).length);
            }
        }
    }

    static Path points(String name, int n, int dim, long seed, double[] shift) throws IOException {
        Rng rng = new Rng(seed);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                // Values exact in float and after the shift (multiples of 1/64), so the translated copy is exact too.
                double v = Math.round(rng.nextGaussian() * 64) / 64.0 + shift[j];
                csv.append(j == 0 ? "" : ",").append(v);
            }
            csv.append('\n');
        }
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    static Map<String, Object> evalJson(String... args) {
        MainTest.Result r = cli(args);
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().trim().split("\n").length, r.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(r.out());
        return json;
    }

    @Test
    void evalOfIdenticalAndTranslatedSets() throws IOException {
        Path a = points("eval-a", 300, 2, 1, new double[] {0, 0});
        Path same = dir.resolve("eval-a-copy.csv");
        Files.copy(a, same);
        Map<String, Object> json = evalJson("eval", "--samples", a.toString(), "--reference", same.toString());
        assertEquals(0.0, (Double) json.get("energy_distance"), 1e-9);
        assertEquals(0.0, (Double) json.get("exact_w2"), 0.0);
        assertEquals(0.0, (Double) json.get("sliced_wasserstein2"), 1e-12);
        assertEquals(300.0, (Double) json.get("samples"));
        assertEquals(2.0, (Double) json.get("dim"));

        double[] delta = {0.75, -0.5};
        Path moved = points("eval-a-moved", 300, 2, 1, delta);
        json = evalJson("eval", "--samples", a.toString(), "--reference", moved.toString(), "--seed", "5");
        double squared = delta[0] * delta[0] + delta[1] * delta[1];
        assertEquals(squared, (Double) json.get("exact_w2"), 1e-4, "W2² of a translation is |δ|²");
        assertTrue((Double) json.get("energy_distance") > 0.05, json.toString());
        assertTrue((Double) json.get("mmd2") > 0.01, json.toString());
        // Each direction θ sees the 1-D shift δ·θ; averaged over directions, (δ·θ)² ≈ |δ|²/d.
        assertEquals(squared / 2, (Double) json.get("sliced_wasserstein2"), 0.1);
        assertEquals(5.0, (Double) json.get("sliced_wasserstein2_seed"));

        Path fewer = points("eval-b", 120, 2, 2, new double[] {0, 0});
        json = evalJson("eval", "--samples", a.toString(), "--reference", fewer.toString());
        assertTrue(json.containsKey("exact_w2") && json.get("exact_w2") == null, json.toString());
        assertTrue(((String) json.get("exact_w2_reason")).contains("different numbers of points"), json.toString());

        Path threeD = points("eval-c", 10, 3, 2, new double[] {0, 0, 0});
        bad("--reference", "eval", "--samples", a.toString(), "--reference", threeD.toString());
        bad("--seed", "eval", "--samples", a.toString(), "--reference", same.toString(), "--seed", "-1");
        bad("--samples", "eval", "--samples", dir.resolve("nothing.csv").toString(), "--reference", same.toString());
        bad("--reference", "eval", "--samples", a.toString());
    }

    @Test
    void badFlagsExitWith2AndNameTheFlag() {
        String m = velocity2.toString();
        bad("--rtol", "sample", "--checkpoint", m, "--solver", "dopri5", "--rtol", "0");
        bad("--rtol", "sample", "--checkpoint", m, "--solver", "dopri5", "--rtol", "1.5");
        bad("--atol", "sample", "--checkpoint", m, "--solver", "dopri5", "--atol", "x");
        bad("--rtol", "sample", "--checkpoint", m, "--solver", "rk4", "--rtol", "1e-3");
        bad("--noise", "sample", "--checkpoint", m, "--solver", "em", "--noise", "-1");
        bad("--noise", "sample", "--checkpoint", m, "--solver", "em", "--noise", "Infinity");
        bad("--noise", "sample", "--checkpoint", m, "--solver", "heun", "--noise", "1");
        bad("--eps", "sample", "--checkpoint", m, "--eps", "0.5");
        bad("--schedule", "sample", "--checkpoint", m, "--schedule", "sigmoid");
        bad("--checkpoint", "sample", "--checkpoint", dir.resolve("missing.safetensors").toString());
        bad("--x0", "sample", "--checkpoint", m, "--x0", dir.resolve("missing.csv").toString());
        bad("--hutchinson", "likelihood", "--checkpoint", m, "--points", "p.csv", "--hutchinson", "0");
        bad("--hutchinson", "likelihood", "--checkpoint", m, "--points", "p.csv", "--exact", "--hutchinson", "3");
        bad("--steps", "likelihood", "--checkpoint", m, "--points", "p.csv", "--steps", "-4");
        bad("--points", "likelihood", "--checkpoint", m, "--points", dir.resolve("missing.csv").toString());
        bad("--points", "likelihood", "--checkpoint", m);
        Path masked = dir.resolve("masked.safetensors");
        try {
            Files.write(masked, Checkpoint.of(Mlp.init(new int[] {5, 8, 2}, Activation.TANH, new Rng(1)), Schedulers.byName("condot"),
                    Prediction.VELOCITY, Map.of()).toBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // An inpainting model is not refused: it is used with nothing observed, and says so.
        MainTest.Result unobserved = MainTest.cli("sample", "--checkpoint", masked.toString(), "--n", "20", "--steps", "4");
        assertEquals(0, unobserved.code(), unobserved.err());
        assertTrue(unobserved.err().contains("used with nothing observed (mask 0)"), unobserved.err());
        assertEquals(20, unobserved.out().trim().split("\n").length);
    }

    @Test
    void badPointsFileNamesFlagFileAndLine() throws IOException {
        Path p = dir.resolve("bad-points.csv");
        Files.writeString(p, "1,2\n3,4,5\n");
        MainTest.Result r = bad("--points", "likelihood", "--checkpoint", velocity2.toString(), "--points", p.toString());
        assertTrue(r.err().contains("bad-points.csv line 2") && r.err().contains("expected 2 numbers"), r.err());
        Files.writeString(p, "1,2\n3,inf\n");
        r = bad("--x0", "sample", "--checkpoint", velocity2.toString(), "--x0", p.toString());
        assertTrue(r.err().contains("bad-points.csv line 2"), r.err());
    }

    static MainTest.Result bad(String flag, String... args) {
        MainTest.Result r = cli(args);
        assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
        assertTrue(r.err().contains(flag), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals(1, r.err().trim().split("\n").length, "one line: " + r.err());
        return r;
    }
}
