package flowplay.server.cli;

import flowplay.server.ops.LogFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** serve's admin token (from a file or the environment, never shown) and its log format setting. */
class AdminTokenFlagTest {
    private static final String TOKEN = "s3cret-admin-token-0123";

    @TempDir
    Path dir;

    @Test
    void noTokenMeansAdminEndpointsOffAndTheStartupLineSaysHowToTurnThemOn() {
        AdminTokenFlag.Admin admin = AdminTokenFlag.resolve(null, null);
        assertFalse(admin.auth().on());
        assertTrue(admin.startupLine().contains("off") && admin.startupLine().contains("--admin-token-file"), admin.startupLine());
    }

    @Test
    void aTokenFileEndingInANewlineTurnsThemOnWithoutShowingTheToken() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        AdminTokenFlag.Admin admin = AdminTokenFlag.resolve(file.toString(), null);
        assertTrue(admin.auth().on());
        assertTrue(admin.startupLine().contains("on"), admin.startupLine());
        assertFalse(admin.startupLine().contains(TOKEN.substring(0, 6)), admin.startupLine());

        AdminTokenFlag.Admin fromEnv = AdminTokenFlag.resolve(null, TOKEN);
        assertTrue(fromEnv.auth().on());
        assertTrue(fromEnv.startupLine().contains(AdminTokenFlag.ENV), fromEnv.startupLine());
        assertFalse(fromEnv.startupLine().contains(TOKEN.substring(0, 6)), fromEnv.startupLine());
    }

    @Test
    void unfitTokensAreRefusedNamingTheSetting() throws Exception {
        Path shortFile = Files.writeString(dir.resolve("short"), "fifteen-chars-x\n");
        UsageException e = assertThrows(UsageException.class, () -> AdminTokenFlag.resolve(shortFile.toString(), null));
        assertTrue(e.getMessage().startsWith("--admin-token-file") && e.getMessage().contains("at least 16"), e.getMessage());
        assertFalse(e.getMessage().contains("fifteen"), "the refused token is not repeated: " + e.getMessage());

        e = assertThrows(UsageException.class, () -> AdminTokenFlag.resolve(null, "short"));
        assertTrue(e.getMessage().startsWith(AdminTokenFlag.ENV) && e.getMessage().contains("at least 16"), e.getMessage());
        e = assertThrows(UsageException.class, () -> AdminTokenFlag.resolve(null, "a token with spaces in it"));
        assertTrue(e.getMessage().contains("visible ASCII"), e.getMessage());
        e = assertThrows(UsageException.class, () -> AdminTokenFlag.resolve(dir.resolve("missing").toString(), null));
        assertTrue(e.getMessage().startsWith("--admin-token-file: cannot read"), e.getMessage());
        e = assertThrows(UsageException.class, () -> AdminTokenFlag.resolve(shortFile.toString(), TOKEN));
        assertTrue(e.getMessage().contains("one way"), e.getMessage());
    }

    @Test
    void serveWithAShortTokenExitsWith2NamingTheFlag() throws Exception {
        Path shortFile = Files.writeString(dir.resolve("short"), "too-short");
        MainTest.Result r = MainTest.cli("serve", "--port", "0", "--data", dir.resolve("data").toString(),
                "--admin-token-file", shortFile.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--admin-token-file") && r.err().contains("at least 16"), r.err());
        assertEquals(1, r.err().trim().split("\n").length, "one line: " + r.err());
    }

    @Test
    void logFormatComesFromTheFlagThenTheEnvironmentAndBadValuesNameTheirSource() {
        assertEquals(LogFormat.TEXT, ServeCommand.logFormat(null, null));
        assertEquals(LogFormat.JSON, ServeCommand.logFormat(null, "json"));
        assertEquals(LogFormat.TEXT, ServeCommand.logFormat("text", "json"));
        UsageException e = assertThrows(UsageException.class, () -> ServeCommand.logFormat("xml", null));
        assertTrue(e.getMessage().contains("--log-format") && e.getMessage().contains("text, json"), e.getMessage());
        e = assertThrows(UsageException.class, () -> ServeCommand.logFormat(null, "yaml"));
        assertTrue(e.getMessage().contains(LogFormat.ENV), e.getMessage());
    }
}
