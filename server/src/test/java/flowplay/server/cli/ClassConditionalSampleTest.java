package flowplay.server.cli;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.core.data.Digits;
import flowplay.core.model.Activation;
import flowplay.core.model.Condition;
import flowplay.core.model.ConditionalField;
import flowplay.core.model.Mlp;
import flowplay.core.model.TimeEmbedding;
import flowplay.core.path.Schedulers;
import flowplay.core.prediction.Prediction;
import flowplay.core.rng.Rng;
import flowplay.core.solver.Sampler;
import flowplay.core.solver.SolverParams;
import flowplay.core.solver.Solvers;
import flowplay.core.solver.TimeGrid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static flowplay.server.cli.CheckpointCommandsTest.bad;
import static flowplay.server.cli.CheckpointCommandsTest.readCsv;
import static flowplay.server.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sample on class-conditional checkpoints (random networks of the digit model's shape, written directly): labels and
 * guidance reach the network as ConditionalField gives them, a label column ends each line, models without classes
 * refuse the flags, and --png draws 64-D samples as digits.
 */
class ClassConditionalSampleTest {
    @TempDir
    static Path dir;
    /** 64-D, fourier time, one-hot of 10 classes: the digit model's input layout, random weights. */
    static Path digits;
    static Checkpoint digitsCheckpoint;
    /** The same with an inpainting mask too: condition mask+classes(10). */
    static Path maskAndClasses;
    static Path plain2;

    @BeforeAll
    static void checkpoints() throws IOException {
        TimeEmbedding time = TimeEmbedding.fourier(4);
        Condition classes = Condition.classes(Digits.CLASSES);
        int in = Digits.PIXELS + classes.width(Digits.PIXELS) + time.size();
        digitsCheckpoint = Checkpoint.of(Mlp.init(new int[] {in, 32, 32, Digits.PIXELS}, Activation.TANH, new Rng(3)), time, classes,
                Schedulers.byName("condot"), Prediction.VELOCITY, Map.of());
        digits = write("digits", digitsCheckpoint);
        Condition both = classes.withMask(true);
        int inBoth = Digits.PIXELS + both.width(Digits.PIXELS) + time.size();
        maskAndClasses = write("mask-classes", Checkpoint.of(Mlp.init(new int[] {inBoth, 16, Digits.PIXELS}, Activation.TANH, new Rng(4)),
                time, both, Schedulers.byName("condot"), Prediction.VELOCITY, Map.of()));
        plain2 = write("plain2", Checkpoint.of(CheckpointCommandsTest.random(2, 5), Schedulers.byName("condot"), Prediction.VELOCITY,
                Map.of()));
    }

    private static Path write(String name, Checkpoint checkpoint) throws IOException {
        Path file = dir.resolve(name + ".safetensors");
        Files.write(file, checkpoint.toBytes());
        return file;
    }

    private static MainTest.Result ok(String... args) {
        MainTest.Result r = cli(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    /** What the CLI should have computed: heun on the sampling grid through ConditionalField, from N(0, I) seeded as sample seeds it. */
    private static float[] expected(int[] labels, double w, int steps, long seed) {
        int n = labels.length;
        float[] x = new float[n * Digits.PIXELS];
        new Rng(seed).fillGaussian(x, 0, x.length);
        ConditionalField field = new ConditionalField(digitsCheckpoint.velocityField(), digitsCheckpoint.model().condition());
        field.labels(labels, w);
        Sampler.run(field, Solvers.byName("heun", SolverParams.defaults()), x, n, TimeGrid.sampling(steps), null);
        return x;
    }

    private static float[] pixels(double[][] rows) {
        float[] x = new float[rows.length * Digits.PIXELS];
        for (int i = 0; i < rows.length; i++) {
            for (int p = 0; p < Digits.PIXELS; p++) {
                x[i * Digits.PIXELS + p] = (float) rows[i][p];
            }
        }
        return x;
    }

    @Test
    void labelsAndGuidanceReachTheNetworkAndEndEachLine() throws IOException {
        Path all = dir.resolve("all.csv");
        MainTest.Result r = ok("sample", "--checkpoint", digits.toString(), "--n", "25", "--steps", "6", "--seed", "2", "--guidance", "2",
                "--out", all.toString());
        assertTrue(r.err().contains("classes 0..9 in turn, guidance w=2") && r.err().contains("NFE 12 (24 network passes, guided)"), r.err());
        double[][] rows = readCsv(all, Digits.PIXELS + 1);
        int[] labels = new int[25];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
            assertEquals(labels[i], rows[i][Digits.PIXELS], "label column of line " + (i + 1));
        }
        assertArrayEquals(expected(labels, 2, 6, 2), pixels(rows));

        Path three = dir.resolve("three.csv");
        r = ok("sample", "--checkpoint", digits.toString(), "--n", "12", "--steps", "6", "--seed", "2", "--label", "3", "--guidance", "0",
                "--out", three.toString());
        assertTrue(r.err().contains("class 3, guidance w=0") && r.err().contains("NFE 12 in"), "w = 0: one network pass per evaluation: " + r.err());
        double[][] threes = readCsv(three, Digits.PIXELS + 1);
        int[] allThree = new int[12];
        java.util.Arrays.fill(allThree, 3);
        for (double[] row : threes) {
            assertEquals(3.0, row[Digits.PIXELS]);
        }
        assertArrayEquals(expected(allThree, 0, 6, 2), pixels(threes));
        // The label changes the samples: the same noise asked for class 3 and for class 0 lands elsewhere.
        assertNotEquals(rows[0][0], threes[0][0]);

        // A schedule change bends the guided field's paths: the same labels, other points.
        Path cosine = dir.resolve("cosine.csv");
        r = ok("sample", "--checkpoint", digits.toString(), "--n", "12", "--steps", "6", "--seed", "2", "--label", "3", "--guidance", "0",
                "--schedule", "cosine", "--out", cosine.toString());
        assertTrue(r.err().contains("class 3") && r.err().contains("on cosine (trained on condot)"), r.err());
        double[][] bent = readCsv(cosine, Digits.PIXELS + 1);
        assertEquals(3.0, bent[0][Digits.PIXELS]);
        assertNotEquals(threes[0][0], bent[0][0]);
    }

    @Test
    void aModelWithoutClassesRefusesLabelAndGuidanceButKeepsItsFormat() throws IOException {
        Path out = dir.resolve("plain.csv");
        ok("sample", "--checkpoint", plain2.toString(), "--n", "30", "--steps", "4", "--label", "all", "--guidance", "1", "--out", out.toString());
        assertEquals(30, readCsv(out, 2).length);
        MainTest.Result r = bad("--label", "sample", "--checkpoint", plain2.toString(), "--label", "3");
        assertTrue(r.err().contains("has no classes (condition none)"), r.err());
        r = bad("--guidance", "sample", "--checkpoint", plain2.toString(), "--guidance", "2");
        assertTrue(r.err().contains("has no classes"), r.err());
        bad("--guidance", "sample", "--checkpoint", digits.toString(), "--guidance", "11");
        bad("--label", "sample", "--checkpoint", digits.toString(), "--label", "10");
        bad("--noise", "sample", "--checkpoint", digits.toString(), "--solver", "em", "--noise", "0.5");
        bad("--png", "sample", "--checkpoint", plain2.toString(), "--png", dir.resolve("no.png").toString());
        bad("--png", "sample", "--checkpoint", digits.toString(), "--n", "10001", "--png", dir.resolve("no.png").toString());
        assertFalse(Files.exists(dir.resolve("no.png")));
    }

    @Test
    void aClassConditionalInpaintingModelSaysItsConditionAndTakesLabels() throws IOException {
        Path out = dir.resolve("both.csv");
        MainTest.Result r = ok("sample", "--checkpoint", maskAndClasses.toString(), "--n", "10", "--steps", "3", "--label", "7",
                "--out", out.toString());
        assertTrue(r.err().contains("condition mask+classes(10)") && r.err().contains("nothing observed (mask 0)"), r.err());
        for (double[] row : readCsv(out, Digits.PIXELS + 1)) {
            assertEquals(7.0, row[Digits.PIXELS]);
        }
    }

    @Test
    void likelihoodOfAClassConditionalModelSaysItIsTheUnlabelledField() throws IOException {
        Path points = dir.resolve("zeros64.csv");
        Files.writeString(points, "0" + ",0".repeat(Digits.PIXELS - 1) + "\n");
        MainTest.Result r = ok("likelihood", "--checkpoint", digits.toString(), "--points", points.toString(), "--steps", "4");
        assertTrue(r.err().contains("class-conditional (condition classes(10)); log p1 is that of its unlabelled field"), r.err());
    }

    @Test
    void pngDrawsEachSampleAsAnEightByEightDigitDarkOnWhite() throws IOException {
        Path png = dir.resolve("grid.png");
        MainTest.Result r = ok("sample", "--checkpoint", digits.toString(), "--n", "13", "--steps", "4", "--png", png.toString());
        assertEquals("", r.out(), "--png without --out writes no CSV");
        Path csv = dir.resolve("grid.csv");
        ok("sample", "--checkpoint", digits.toString(), "--n", "13", "--steps", "4", "--png", png.toString(), "--out", csv.toString());
        double[][] rows = readCsv(csv, Digits.PIXELS + 1);
        BufferedImage image = ImageIO.read(png.toFile());
        int cell = Digits.SIDE * DigitGrid.SCALE;
        // 13 samples: 10 to a row, two rows.
        assertEquals(10 * cell + 11 * DigitGrid.GAP, image.getWidth());
        assertEquals(2 * cell + 3 * DigitGrid.GAP, image.getHeight());
        assertEquals(255, image.getRaster().getSample(0, 0, 0), "white around the digits");
        for (int i : new int[] {0, 9, 10, 12}) {
            for (int p = 0; p < Digits.PIXELS; p++) {
                int level = Digits.level((float) rows[i][p]);
                int x = DigitGrid.GAP + (i % 10) * (cell + DigitGrid.GAP) + (p % Digits.SIDE) * DigitGrid.SCALE + DigitGrid.SCALE - 1;
                int y = DigitGrid.GAP + (i / 10) * (cell + DigitGrid.GAP) + (p / Digits.SIDE) * DigitGrid.SCALE + DigitGrid.SCALE - 1;
                assertEquals(255 - Math.round(255f * level / Digits.LEVELS), image.getRaster().getSample(x, y, 0),
                        "sample " + i + " pixel " + p + " (level " + level + ")");
            }
        }
        // An empty 13th slot of the second row stays white.
        assertEquals(255, image.getRaster().getSample(image.getWidth() - DigitGrid.GAP - 1, image.getHeight() - DigitGrid.GAP - 1, 0));
    }
}
