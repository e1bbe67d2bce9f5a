package flowplay.core.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {
    @Test
    void roundTripKeepsStructureAndOrder() {
        String text = "{\"b\":1,\"a\":[1.5,-2,true,null,\"x\\\"y\\n\"],\"c\":{\"d\":\"\\u00e9\"}}";
        Object parsed = Json.parse(text);
        assertEquals(text.replace("\\u00e9", "é"), Json.write(parsed));
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals(List.of("b", "a", "c"), List.copyOf(map.keySet()));
        assertEquals(1.5, ((List<?>) map.get("a")).get(0));
    }

    @Test
    void writesIntArraysAndWholeNumbersWithoutFraction() {
        assertEquals("[3,64,2]", Json.write(new int[] {3, 64, 2}));
        assertEquals("[2,0.25]", Json.write(List.of(2.0, 0.25)));
    }

    @Test
    void rejectsMalformedInputWithAPosition() {
        for (String bad : new String[] {"", "{", "{\"a\":}", "[1,]", "{\"a\":1}x", "nul", "\"abc", "{\"a\":1,\"a\":2}", "[1e]"}) {
            JsonException e = assertThrows(JsonException.class, () -> Json.parse(bad), bad);
            assertEquals(true, e.getMessage().startsWith("JSON: "), e.getMessage());
        }
    }

    @Test
    void rejectsDeepNesting() {
        assertThrows(JsonException.class, () -> Json.parse("[".repeat(1000) + "]".repeat(1000)));
    }
}
