package flowplay.web.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Train button's message comes from this reading of the server's answer: it must say each fact once. */
class CreateReplyTest {
    private static final Map<String, String> FORM = Map.of("steps", "300", "dataset", "circles");

    @Test
    void acceptedRunTakesTheServersEcho() {
        CreateReply r = CreateReply.read(new HttpResult(201,
                "{\"id\":\"r1\",\"state\":\"running\",\"settings\":{\"steps\":2000,\"dataset\":\"moons\"}}"), FORM);
        assertTrue(r.accepted());
        assertEquals("r1", r.id());
        assertEquals("running", r.state());
        assertEquals(2000, r.steps());
        assertEquals("moons", r.dataset());
    }

    @Test
    void acceptedRunWithoutEchoFallsBackToTheForm() {
        CreateReply r = CreateReply.read(new HttpResult(201, "{\"id\":\"r2\"}"), FORM);
        assertTrue(r.accepted());
        assertEquals("queued", r.state());
        assertEquals(300, r.steps());
        assertEquals("circles", r.dataset());
    }

    @Test
    void refusalNamesTheFieldAndRangeOnce() {
        CreateReply r = CreateReply.read(new HttpResult(400,
                "{\"error\":\"must be at least 1\",\"field\":\"steps\",\"allowed\":\"integer in [1, 100000]\"}"), FORM);
        assertFalse(r.accepted());
        assertEquals("steps", r.field());
        assertEquals("steps: must be at least 1 (allowed: integer in [1, 100000])", r.refusal());

        CreateReply named = CreateReply.read(new HttpResult(400,
                "{\"error\":\"steps: integer in [1, 100000]\",\"field\":\"steps\",\"allowed\":\"integer in [1, 100000]\"}"), FORM);
        assertEquals("steps: integer in [1, 100000]", named.refusal());
    }

    @Test
    void bodyThatIsNotJsonGivesTheStatus() {
        CreateReply r = CreateReply.read(new HttpResult(502, "<html>Bad gateway</html>"), FORM);
        assertFalse(r.accepted());
        assertNull(r.field());
        assertEquals("HTTP 502", r.refusal());
    }
}
