package dev.dimmer.deploy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the server logged while a test ran: every line of every logger, at INFO and up for the named ones. */
final class LogLines implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    LogLines(Class<?>... atInfo) {
        for (Class<?> type : atInfo) {
            ((Logger) LoggerFactory.getLogger(type)).setLevel(Level.INFO);
        }
        appender.start();
        root.addAppender(appender);
    }

    List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    boolean anyStackTrace() {
        return events().stream().anyMatch(e -> e.getThrowableProxy() != null);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
