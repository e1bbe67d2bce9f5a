package flowplay.server.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flowplay.server.runs.RunManager;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both log formats carry the run id from the MDC; the JSON one is one parseable object per line. */
class LogFormatTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    /** Logs one line through a real logger (under the MDC run id, when given) and returns the event logback made. */
    private ILoggingEvent log(String run, String message, Object arg) {
        Logger logger = context.getLogger("flowplay.test.LogFormatTest");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        logger.addAppender(captured);
        try {
            if (run != null) {
                MDC.put(RunManager.MDC_RUN, run);
            }
            logger.info(message, arg);
        } finally {
            MDC.remove(RunManager.MDC_RUN);
            logger.detachAppender(captured);
        }
        assertEquals(1, captured.list.size());
        return captured.list.get(0);
    }

    @Test
    void jsonIsOneObjectPerLineWithTheRunLevelLoggerMessageAndTime() throws Exception {
        ILoggingEvent event = log("3fa2c1", "run {} said \"hi\"\nand more", "3fa2c1");
        String line = new String(LogFormat.jsonEncoder(context).encode(event), StandardCharsets.UTF_8);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("3fa2c1", json.path("mdc").path("run").asText(), line);
        assertEquals("INFO", json.path("level").asText(), line);
        assertEquals("flowplay.test.LogFormatTest", json.path("loggerName").asText(), line);
        assertEquals("run 3fa2c1 said \"hi\"\nand more", json.path("formattedMessage").asText(), line);
        assertEquals(event.getTimeStamp(), json.path("timestamp").asLong(), line);
        assertFalse(json.has("sequenceNumber") || json.has("context") || json.has("arguments"), "only what a reader needs: " + line);
    }

    @Test
    void textLinesShowTheRunAndNothingWhenThereIsNone() {
        Encoder<ILoggingEvent> text = textEncoder();
        String withRun = new String(text.encode(log("3fa2c1", "run {} started", "3fa2c1")), StandardCharsets.UTF_8);
        assertTrue(withRun.contains(" INFO ") && withRun.contains("[run=3fa2c1] - run 3fa2c1 started"), withRun);
        String without = new String(text.encode(log(null, "file data sets: {}", "faithful")), StandardCharsets.UTF_8);
        assertTrue(without.contains("LogFormatTest - file data sets: faithful"), without);
        assertFalse(without.contains("[]"), without);
    }

    @Test
    void formatsAreTextAndJsonOnly() {
        assertEquals(LogFormat.JSON, LogFormat.parse(" JSON "));
        assertEquals(LogFormat.TEXT, LogFormat.parse("text"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogFormat.parse("xml"));
        assertTrue(e.getMessage().contains("text, json"), e.getMessage());
    }

    /** The encoder logback.xml gives the root's text appender: the format a server logs in by default. */
    private Encoder<ILoggingEvent> textEncoder() {
        OutputStreamAppender<ILoggingEvent> text =
                (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("text");
        return text.getEncoder();
    }
}
