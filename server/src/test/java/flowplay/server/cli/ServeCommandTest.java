package flowplay.server.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caps' flags are checked before anything starts. */
class ServeCommandTest {
    @Test
    void outOfRangeCapsAreRefusedNamingTheFlag() {
        MainTest.Result steps = MainTest.cli("serve", "--port", "0", "--max-steps", "100001");
        assertEquals(2, steps.code(), steps.err());
        assertTrue(steps.err().contains("--max-steps") && steps.err().contains("[1, 100000]"), steps.err());
        MainTest.Result seconds = MainTest.cli("serve", "--port", "0", "--max-run-seconds", "0");
        assertEquals(2, seconds.code(), seconds.err());
        assertTrue(seconds.err().contains("--max-run-seconds"), seconds.err());
    }
}
