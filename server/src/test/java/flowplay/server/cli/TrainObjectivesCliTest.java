package flowplay.server.cli;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.prediction.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static flowplay.server.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `train` with the design-choice flags generated from the settings table. */
class TrainObjectivesCliTest {
    @TempDir
    Path dir;

    /** Final loss of 400 steps against the untrained loss of a 1-step run of the same seed (the same first batch). */
    @Test
    void eachPredictionTrainsAndItsLossFalls() throws Exception {
        for (String prediction : Prediction.ids()) {
            String weight = prediction.equals("score") ? "sigma2" : "velocity";
            double first = finalLoss(train(prediction, "--prediction", prediction, "--lossWeight", weight, "--scheduler", "cosine",
                    "--steps", "1"));
            Path out = dir.resolve(prediction + ".safetensors");
            double last = finalLoss(train(prediction, "--prediction", prediction, "--lossWeight", weight, "--scheduler", "cosine",
                    "--steps", "400", "--out", out.toString()));
            assertTrue(last < 0.8 * first, prediction + ": loss " + first + " -> " + last);
            Checkpoint c = Checkpoint.fromBytes(Files.readAllBytes(out));
            assertEquals(prediction, c.prediction().id());
            assertEquals("cosine", c.scheduler().name());
            MainTest.Result sampled = cli("sample", "--checkpoint", out.toString(), "--solver", "rk4", "--steps", "8", "--n", "50");
            assertEquals(0, sampled.code(), sampled.err());
            assertEquals(50, sampled.out().trim().split("\n").length);
        }
    }

    @Test
    void sameFlagsAndSeedWriteTheSameBytes() throws Exception {
        String[] flags = {"--coupling", "sinkhorn", "--sinkhornEpsilon", "0.1", "--timeInput", "fourier", "--fourierK", "3", "--ema", "0.9",
            "--steps", "60", "--seed", "4"};
        Path a = dir.resolve("a.safetensors");
        Path b = dir.resolve("b.safetensors");
        train("a", concat(flags, "--out", a.toString()));
        train("b", concat(flags, "--out", b.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals("fourier(3)", Checkpoint.fromBytes(Files.readAllBytes(a)).model().time());
    }

    @Test
    void contradictoryFlagsExitTwoNamingTheFlag() {
        MainTest.Result r = cli("train", "--scheduler", "vp", "--betaMin", "3", "--betaMax", "2", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("invalid value for --betaMax: 2.0 is not above betaMin 3.0 (allowed: number above betaMin, at most 100)"),
                r.err());
        MainTest.Result score = cli("train", "--prediction", "score", "--coupling", "dependent", "--out", dir.resolve("y").toString());
        assertEquals(2, score.code());
        assertTrue(score.err().contains("invalid value for --coupling"), score.err());
    }

    @Test
    void helpSaysWhenASettingApplies() {
        MainTest.Result r = cli("train", "--help");
        assertTrue(r.out().contains("used when --scheduler is vp") || r.err().contains("used when --scheduler is vp"), r.out() + r.err());
    }

    private MainTest.Result train(String label, String... flags) {
        boolean hasOut = java.util.Arrays.asList(flags).contains("--out");
        String[] args = hasOut ? concat(new String[] {"train"}, flags)
                : concat(new String[] {"train", "--out", dir.resolve(label + "-default.safetensors").toString()}, flags);
        MainTest.Result r = cli(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    private static double finalLoss(MainTest.Result r) {
        String marker = "final loss ";
        int at = r.err().lastIndexOf(marker);
        assertTrue(at >= 0, r.err());
        return Double.parseDouble(r.err().substring(at + marker.length()).trim().split("\\s")[0]);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
