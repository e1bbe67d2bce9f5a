package flowplay.core.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserPointsTest {
    @Test
    void csvUnderTheUsersLimits() {
        assertArrayEquals(new float[] {1, 2, 3, 4}, UserPoints.parse("x,y\n1,2\n3,4\n"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= UserPoints.MAX_POINTS; i++) {
            many.append(i % 7).append(",1\n");
        }
        PointsFormatException e = assertThrows(PointsFormatException.class, () -> UserPoints.parse(many.toString()));
        assertEquals("too many points: 20001 > 20000", e.getMessage());
        assertEquals("line 2: 'NaN' is not a finite number",
                assertThrows(PointsFormatException.class, () -> UserPoints.parse("1,2\nNaN,3")).getMessage());
    }

    @Test
    void pointsFromElsewhereMeetTheSameRules() {
        assertNull(UserPoints.problem(new float[] {0, 0, 1, 1}));
        assertEquals("too few points: 1 < 2", UserPoints.problem(new float[] {0, 0}));
        assertEquals("expected (x, y) pairs, got 3 values", UserPoints.problem(new float[] {0, 0, 1}));
        assertEquals("point 2: NaN is not a finite number", UserPoints.problem(new float[] {0, 0, 1, Float.NaN}));
        assertEquals("too many points: 20001 > 20000", UserPoints.problem(new float[2 * 20_001]));
    }

    @Test
    void allowedTextNamesTheLimits() {
        assertTrue(UserPoints.ALLOWED.contains("2 to 20000 points"), UserPoints.ALLOWED);
        assertTrue(UserPoints.ALLOWED.contains("1048576 bytes"), UserPoints.ALLOWED);
    }

    @Test
    void theDatasetChoicesAreBuiltInsThenFilesThenDigitsThenPoints() {
        List<String> choices = Datasets.choices();
        assertEquals(Datasets.names(), choices.subList(0, Datasets.names().size()));
        assertEquals(FileDatasets.NAMES, choices.subList(Datasets.names().size(), choices.size() - 2));
        assertEquals("digits", choices.get(choices.size() - 2));
        assertEquals("points", choices.get(choices.size() - 1));
        assertTrue(Datasets.isBuiltIn("moons"));
        assertFalse(Datasets.isBuiltIn("faithful"));
        assertFalse(Datasets.isBuiltIn("points"));
        assertTrue(FileDatasets.contains("faithful"));
        assertEquals("iris.csv", FileDatasets.fileName("iris"));
    }
}
