package flowplay.server.cli;

import flowplay.server.limits.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits from flags and a --limits file, checked before anything starts. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void outOfRangeCapsAreRefusedNamingTheFlag() {
        MainTest.Result steps = MainTest.cli("serve", "--port", "0", "--max-steps", "100001");
        assertEquals(2, steps.code(), steps.err());
        assertTrue(steps.err().contains("--max-steps") && steps.err().contains("[1, 100000]"), steps.err());
        MainTest.Result seconds = MainTest.cli("serve", "--port", "0", "--max-run-seconds", "0");
        assertEquals(2, seconds.code(), seconds.err());
        assertTrue(seconds.err().contains("--max-run-seconds"), seconds.err());
        MainTest.Result width = MainTest.cli("serve", "--port", "0", "--max-width", "2000");
        assertEquals(2, width.code(), width.err());
        assertTrue(width.err().contains("--max-width") && width.err().contains("integer in [1, 1024]"), width.err());
        MainTest.Result workers = MainTest.cli("serve", "--port", "0", "--workers", "0");
        assertEquals(2, workers.code(), workers.err());
        assertTrue(workers.err().contains("--workers"), workers.err());
    }

    @Test
    void theFileSetsLimitsAndFlagsOverrideIt() throws Exception {
        Path file = Files.writeString(dir.resolve("limits.conf"), "# a public demo\nmaxWidth = 128\n\nrunsPerMinute=4\nqueue=3\n");
        Limits l = limits("--limits", file.toString(), "--queue", "5", "--trust-proxy");
        assertEquals(128, l.run().maxWidth());
        assertEquals(4, l.runsPerMinute());
        assertEquals(5, l.queue(), "the flag wins over the file");
        assertTrue(l.trustProxy(), "--trust-proxy alone means true");
        assertFalse(limits("--trust-proxy=false").trustProxy());
        Limits switchFirst = limits("--trust-proxy", "--queue", "6");
        assertTrue(switchFirst.trustProxy(), "the switch does not swallow the next flag");
        assertEquals(6, switchFirst.queue());
        assertEquals(Limits.defaults(), limits());
        // The old flags keep their meaning.
        Limits old = limits("--workers", "3", "--queue", "7", "--max-steps", "500", "--max-run-seconds", "60");
        assertEquals(3, old.workers());
        assertEquals(7, old.queue());
        assertEquals(500, old.run().maxSteps());
        assertEquals(60, old.run().maxRunTime().toSeconds());
    }

    @Test
    void aBadFileExits2NamingTheFileLineKeyAndRange() throws Exception {
        assertBadFile("maxWidht=64\n", "line 1: unknown limit 'maxWidht' (allowed: one of workers, queue,");
        assertBadFile("# ok\nmaxWidth=5000\n", "line 2: maxWidth: 5000 is out of range (allowed: integer in [1, 1024])");
        assertBadFile("runsPerMinute ten\n", "line 1: expected name=value");
        assertBadFile("queue=2\nqueue=3\n", "line 2: queue is set twice");
        MainTest.Result missing = MainTest.cli("serve", "--port", "0", "--limits", dir.resolve("nope.conf").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("--limits") && missing.err().contains("cannot read"), missing.err());
    }

    private void assertBadFile(String text, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.conf"), text);
        MainTest.Result r = MainTest.cli("serve", "--port", "0", "--limits", file.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("flowplay: --limits " + file + ": " + expected), r.err());
        assertEquals(1, r.err().trim().split("\n").length, "one line: " + r.err());
    }

    private static Limits limits(String... args) {
        CommandLine cli = new CommandLine(new ServeCommand().spec());
        return ServeCommand.limits(cli.parseArgs(args));
    }
}
