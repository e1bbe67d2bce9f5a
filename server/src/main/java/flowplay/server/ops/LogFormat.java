package flowplay.server.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * How the server's log lines look on stderr: {@code text} (logback.xml's pattern, for people) or {@code json} (one
 * object per line, for a log collector). The choice is made in code when serve starts, not in logback.xml, because
 * a value-dependent appender in XML needs janino; the levels from logback.xml stay as they are.
 */
public enum LogFormat {
    TEXT, JSON;

    /** The environment variable that picks the format when {@code --log-format} is not given. */
    public static final String ENV = "FLOWPLAY_LOG_FORMAT";
    public static final String ALLOWED = "text, json";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code text} (case-insensitive), or IllegalArgumentException naming the allowed ones. */
    public static LogFormat parse(String text) {
        for (LogFormat f : values()) {
            if (f.id().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a log format (allowed: " + ALLOWED + ")");
    }

    /** Makes every further log line of this JVM take this format (a no-op for text, logback.xml's default). */
    public void apply() {
        if (this == TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
        json.setContext(context);
        json.setName("json");
        json.setTarget("System.err");
        json.setEncoder(jsonEncoder(context));
        json.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(json);
    }

    /**
     * Logback's own JSON encoder, trimmed to what a reader needs: {@code timestamp} (epoch ms), {@code level},
     * {@code threadName}, {@code loggerName}, {@code mdc} (with {@code run}), {@code formattedMessage} and, on
     * errors, {@code throwable}.
     */
    static Encoder<ILoggingEvent> jsonEncoder(Context context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
