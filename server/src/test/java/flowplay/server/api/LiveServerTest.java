package flowplay.server.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** One real server per test class, on its own fresh data folder, with the default limits. */
abstract class LiveServerTest {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void startServer() {
        server = new TestServer(data);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
