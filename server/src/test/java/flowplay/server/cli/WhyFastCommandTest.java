package flowplay.server.cli;

import flowplay.core.checkpoint.Checkpoint;
import flowplay.server.experiment.WhyFastConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static flowplay.server.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code experiment why-fast} end to end on a small budget (one data set, two seeds, short training, few points): the
 * report's structure, the raw numbers behind it, and the property the experiment rests on — for every model and
 * solver, the error to the reference solve falls as the NFE grows.
 */
class WhyFastCommandTest {
    @TempDir
    static Path dir;
    static MainTest.Result run;

    @BeforeAll
    static void runSmallExperiment() {
        run = cli("experiment", "why-fast", "--datasets", "moons", "--seeds", "0,1", "--steps-train", "400", "--samples", "200",
                "--threads", "2", "--out", dir.toString());
    }

    @Test
    void writesTheReportWithVerdictTablesAndPlots() throws Exception {
        assertEquals(0, run.code(), run.err());
        String report = Files.readString(dir.resolve("report.md"));
        for (String part : new String[] {"# Why fast?", "experiment why-fast --datasets moons --seeds 0,1 --steps-train 400",
            "## Set-up", "## Verdict", "| data set | solver | error ≤ | FM-OT | FM-VP | score | OT/VP |", "## moons",
            "![error vs NFE](error-moons.svg)", "![distance to the data vs NFE](distance-moons.svg)",
            "![samples at NFE 1, 2, 4, 8](samples-moons.svg)", "Error to the reference", "Energy distance to the data",
            "Sliced squared W2 to the data", "adaptive dopri5", "| score-vp | em |"}) {
            assertTrue(report.contains(part), "report.md lacks: " + part);
        }
        for (String svg : new String[] {"error-moons.svg", "distance-moons.svg", "samples-moons.svg"}) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(svg).toFile());
            assertEquals("svg", doc.getDocumentElement().getTagName(), svg);
            assertTrue(doc.getElementsByTagName("path").getLength() > 3, svg + " draws lines or points");
        }
        for (String model : new String[] {"fm-ot", "fm-vp", "score-vp"}) {
            for (int seed = 0; seed < 2; seed++) {
                Path file = dir.resolve("checkpoints/moons-" + model + "-seed" + seed + ".safetensors");
                Checkpoint c = Checkpoint.fromBytes(Files.readAllBytes(file));
                assertEquals(400, c.step(), file.toString());
            }
        }
    }

    @Test
    void resultsHoldEveryCellAndTheErrorFallsWithNfeForEverySolver() throws Exception {
        assertEquals(0, run.code(), run.err());
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals("dataset,model,seed,solver,nfe,steps,error,energy_distance,sliced_w2", lines.get(0));
        // Per model and seed: euler 8 NFEs, midpoint and heun 7, rk4 6; the score model also em at 8.
        assertEquals(2 * (3 * 28 + 8), lines.size() - 1);
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertTrue(Double.parseDouble(f[7]) >= 0 && Double.parseDouble(f[8]) >= 0, line);
            if (f[3].equals(WhyFastConfig.STOCHASTIC)) {
                assertTrue(f[6].isEmpty(), "no error to the ODE reference for the SDE sampler: " + line);
                continue;
            }
            curves.computeIfAbsent(f[1] + "/" + f[2] + "/" + f[3], k -> new ArrayList<>())
                    .add(new double[] {Integer.parseInt(f[4]), Double.parseDouble(f[6])});
        }
        assertEquals(3 * 2 * 4, curves.size());
        for (Map.Entry<String, List<double[]>> c : curves.entrySet()) {
            List<double[]> points = c.getValue();
            for (int i = 1; i < points.size(); i++) {
                double before = points.get(i - 1)[1];
                double after = points.get(i)[1];
                assertTrue(points.get(i)[0] > points.get(i - 1)[0], c.getKey() + ": NFEs in increasing order");
                // Below ~1e-4 the float32 round-off of the solves is what is left: only a fall is required above it.
                assertTrue(after < before || after < 1e-4, c.getKey() + ": error " + before + " at NFE " + points.get(i - 1)[0]
                        + " then " + after + " at NFE " + points.get(i)[0]);
            }
            assertTrue(points.get(points.size() - 1)[1] < points.get(0)[1] / 10,
                    c.getKey() + ": the error at NFE 128 is at least 10x below the smallest NFE's");
        }
        List<String> models = Files.readAllLines(dir.resolve("models.csv"));
        assertEquals(1 + 6, models.size());
        for (String line : models.subList(1, models.size())) {
            String[] f = line.split(",", -1);
            assertTrue(Integer.parseInt(f[3]) > 0, "dopri5 NFE: " + line);
            double straightness = Double.parseDouble(f[4]);
            assertTrue(straightness > 0 && straightness <= 1, "straightness in (0, 1]: " + line);
        }
    }

    @Test
    void badFlagsExitTwoNamingTheFlagAndWhatItAccepts() {
        String out = dir.resolve("bad").toString();
        expectUsage(List.of("--datasets", "moons,nope", "--out", out), "invalid value for --datasets: 'nope' is not a data set");
        expectUsage(List.of("--datasets", "moons,moons", "--out", out), "'moons' is listed twice");
        expectUsage(List.of("--steps-train", "0", "--out", out), "invalid value for --steps-train");
        expectUsage(List.of("--samples", "NaN", "--out", out), "invalid value for --samples");
        expectUsage(List.of("--seeds", "1,,2", "--out", out), "invalid value for --seeds");
        expectUsage(List.of("--noise", "11", "--out", out), "invalid value for --noise");
        expectUsage(List.of("--engine", "gpu", "--out", out), "invalid value for --engine: gpu (allowed: java, nd4j)");
        MainTest.Result noName = cli("experiment");
        assertEquals(2, noName.code());
        assertTrue(noName.err().contains("experiment needs its name: why-fast"), noName.err());
        assertFalse(Files.exists(dir.resolve("bad")), "nothing is written for a refused command");
    }

    private static void expectUsage(List<String> flags, String message) {
        List<String> args = new ArrayList<>(List.of("experiment", "why-fast"));
        args.addAll(flags);
        MainTest.Result r = cli(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), "expected '" + message + "' in: " + r.err());
    }
}
