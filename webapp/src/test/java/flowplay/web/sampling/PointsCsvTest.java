package flowplay.web.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PointsCsvTest {

    @Test
    void onePointPerLineCommaSeparatedNoHeaderOnlyTheFirstNRows() {
        float[] points = {1.5f, -2f, 0.25f, 3f, 9f, 9f};
        assertEquals("1.5,-2.0\n0.25,3.0\n", PointsCsv.write(points, 2, 2));
        assertEquals("", PointsCsv.write(points, 0, 2));
    }
}
