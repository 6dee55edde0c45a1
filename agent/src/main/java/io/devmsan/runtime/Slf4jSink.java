package io.devmsan.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Log}'s sink when the application has an slf4j binding. The only class that links
 * against slf4j; {@link Log} loads it reflectively and only after finding a binding.
 */
final class Slf4jSink implements Log.Sink {

    private final Logger logger = LoggerFactory.getLogger("devmsan");

    Slf4jSink() {
    }

    @Override
    public void info(String message) {
        logger.info(message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        if (cause == null) {
            logger.warn(message);
        } else {
            logger.warn(message, cause);
        }
    }

    @Override
    public void error(String message, Throwable cause) {
        if (cause == null) {
            logger.error(message);
        } else {
            logger.error(message, cause);
        }
    }
}
