package flowplay.server.api;

import flowplay.core.data.Digits;
import flowplay.server.data.DigitsFile;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/datasets/digits}: the shipped digits as the text the browser parses with the shared {@code Digits.parse}. */
class DigitsApiTest extends LiveServerTest {
    @Test
    void theShippedDigitsComeBackAsParseableCsvWithEveryPixelAndLabel() throws Exception {
        HttpResponse<String> r = server.get("/api/datasets/digits");
        assertEquals(200, r.statusCode(), r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), r.headers().toString());
        Digits served = Digits.parse(r.body());
        Digits shipped = DigitsFile.shipped();
        assertEquals(1797, served.size());
        for (int i = 0; i < shipped.size(); i++) {
            assertArrayEquals(shipped.image(i), served.image(i), "pixels of digit " + i);
            assertEquals(shipped.label(i), served.label(i), "label of digit " + i);
        }
        // The first line of the UCI file (sklearn's digits[0], a zero), as grey levels.
        assertTrue(r.body().startsWith("0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,"), r.body().substring(0, 80));
    }

    @Test
    void otherNamesStay404NamingDigitsAmongTheAllowed() throws Exception {
        HttpResponse<String> r = server.get("/api/datasets/digit");
        assertEquals(404, r.statusCode(), r.body());
        assertEquals("name", TestServer.json(r).get("field").asText(), r.body());
        assertTrue(TestServer.json(r).get("allowed").asText().endsWith(", digits"), r.body());
    }
}
