package flowplay.server.runs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import flowplay.core.settings.Settings;
import flowplay.server.engine.JavaEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each step of a run's life is one log line naming the run, with its id in the MDC for filtering. */
class RunLifecycleLogTest {
    @TempDir
    Path data;

    private final Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(RunManager.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.setContext(logger.getLoggerContext());
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    private List<String> linesOf(String id) {
        return lines.list.stream()
                .filter(e -> id.equals(e.getMDCPropertyMap().get(RunManager.MDC_RUN)))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void acceptedStartedAndDoneOrCancelledEachLogOneLineUnderTheRunId() throws Exception {
        try (RunManager runs = new RunManager(new JavaEngine(), new RunStore(data), 1, 4)) {
            // Long enough that the second run is still queued when it is cancelled.
            Run done = runs.submit(Settings.parse(Settings.TRAIN, Map.of("steps", "2000", "width", "4")));
            Run queued = runs.submit(Settings.parse(Settings.TRAIN, Map.of("steps", "50", "width", "4")));
            runs.cancel(queued.id());
            awaitFinal(done);
            awaitFinal(queued);
            String expectedEnd = "run " + done.id() + " done at step 2000";
            assertEquals(List.of("run " + done.id() + " accepted: dataset moons, 2000 steps", "run " + done.id() + " started", expectedEnd),
                    linesOf(done.id()));
            List<String> cancelled = linesOf(queued.id());
            assertEquals(List.of("run " + queued.id() + " accepted: dataset moons, 50 steps",
                    "run " + queued.id() + " cancelled: cancelled while queued"), cancelled);
        }
    }

    private static void awaitFinal(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!run.state().isFinal()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + run.id() + " still " + run.state().id());
            }
            Thread.sleep(20);
        }
    }
}
