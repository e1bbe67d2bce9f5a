package flowplay.server.data;

import flowplay.core.data.FileDatasets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingFilesTest {
    /** The repository's folder, from the server module (surefire runs in server/). */
    private static final Path FOLDER = Path.of("..", "training-data");

    @Test
    void everyListedNameHasAFileAndEveryFileIsListed() throws Exception {
        List<String> onDisk = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".csv")).sorted()
                    .forEach(f -> onDisk.add(f.substring(0, f.length() - ".csv".length())));
        }
        assertEquals(FileDatasets.NAMES.stream().sorted().toList(), onDisk, "training-data/*.csv and FileDatasets.NAMES");
        for (String name : FileDatasets.NAMES) {
            assertNotNull(TrainingFiles.class.getResource(TrainingFiles.FOLDER + FileDatasets.fileName(name)),
                    name + " is copied onto the class path (into the jar) by the build");
        }
    }

    @Test
    void theShippedFilesParseAtUnitScale() {
        TrainingFiles files = TrainingFiles.shipped();
        assertEquals(FileDatasets.NAMES.size(), files.size());
        assertEquals(272, files.points("faithful").length / 2);
        assertEquals(150, files.points("iris").length / 2);
        for (String name : FileDatasets.NAMES) {
            float[] xy = files.points(name);
            int n = xy.length / 2;
            for (int axis = 0; axis < 2; axis++) {
                double sum = 0;
                double sum2 = 0;
                for (int i = 0; i < n; i++) {
                    sum += xy[2 * i + axis];
                    sum2 += xy[2 * i + axis] * xy[2 * i + axis];
                }
                double mean = sum / n;
                double sd = Math.sqrt((sum2 - n * mean * mean) / (n - 1));
                assertEquals(0, mean, 1e-3, name + " axis " + axis + " is centred");
                assertEquals(1, sd, 1e-3, name + " axis " + axis + " has unit sd");
            }
        }
    }

    @Test
    void aMissingOrMalformedFileIsNamed() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> TrainingFiles.load(path -> null));
        assertTrue(missing.getMessage().contains("/training-data/faithful.csv is not in the jar"), missing.getMessage());
        Map<String, String> texts = Map.of("faithful", "x,y\n1,2\n3,oops\n", "iris", "1,2\n3,4\n");
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> TrainingFiles.load(path -> {
            String name = path.substring(TrainingFiles.FOLDER.length(), path.length() - 4);
            return new ByteArrayInputStream(texts.get(name).getBytes(StandardCharsets.UTF_8));
        }));
        assertEquals("file data set 'faithful': /training-data/faithful.csv line 3: 'oops' is not a number", bad.getMessage());
    }

    @Test
    void pointSetsAreNamedByCountAndHashInTheMetadata() {
        TrainingData data = TrainingData.of("points", new float[] {0, 0, 1, 0.5f});
        Map<String, String> meta = data.metadata(Map.of("dataset", "points"));
        assertEquals("2", meta.get(TrainingData.KEY_COUNT));
        assertEquals(PointsText.sha256(new float[] {0, 0, 1, 0.5f}), meta.get(TrainingData.KEY_SHA256));
        // printf '0.0,0.0\n1.0,0.5\n' | sha256sum
        assertEquals("2529bff2d8e3e916b7c7d131fa7c7bfe22291fe0e33683d3a97a5ebb28af122f", meta.get(TrainingData.KEY_SHA256));
        assertEquals("0.0,0.0\n1.0,0.5\n", PointsText.csv(new float[] {0, 0, 1, 0.5f}));
        assertEquals("272", TrainingData.of("faithful", null).metadata(Map.of()).get(TrainingData.KEY_COUNT));
        assertEquals(Map.of("dataset", "moons"), TrainingData.of("moons", null).metadata(Map.of("dataset", "moons")));
        assertThrows(IllegalArgumentException.class, () -> TrainingData.of("points", null));
    }
}
