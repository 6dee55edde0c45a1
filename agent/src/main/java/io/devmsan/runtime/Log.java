package io.devmsan.runtime;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own logging, for the agent and the runtime alike.
 *
 * <p>When the application has an slf4j binding on the system class loader (an slf4j 2 provider or
 * an slf4j 1.x static binder), messages go to the logger {@code devmsan}. Otherwise they go to
 * {@link System#err} with a {@code [devmsan] } prefix: warnings and errors always, informational
 * messages only for the start-up line, so that a watched program's console stays quiet.
 *
 * <p>slf4j is never bundled: its classes are touched only by a separate class that is loaded once
 * a binding has been found, so a JVM without slf4j never links them.
 */
public final class Log {

    private static final String PREFIX = "[devmsan] ";
    private static final int MAX_ONCE_KEYS = 10_000;

    private static final Set<String> ONCE = ConcurrentHashMap.newKeySet();

    /** Resolved on first use, not at class initialisation, so premain does not start a logging framework. */
    private static volatile Sink sink;

    private Log() {
    }

    /** The one informational line the agent prints when it starts. */
    public static void startup(String message) {
        Sink s = sink();
        if (s == null) {
            err().println(PREFIX + message);
        } else {
            s.info(message);
        }
    }

    /** A warning: something was not done as asked, the program goes on. */
    public static void warn(String message) {
        warn(message, null);
    }

    /** A warning with its cause, which is printed as one line (its class and message). */
    public static void warn(String message, Throwable cause) {
        Sink s = sink();
        if (s == null) {
            err().println(PREFIX + "WARN " + message + describe(cause));
        } else {
            s.warn(message, cause);
        }
    }

    /**
     * Logs a warning only the first time {@code key} is seen, for conditions that would otherwise
     * repeat at every class or call. Returns whether it was logged.
     */
    public static boolean warnOnce(String key, String message) {
        if (ONCE.size() >= MAX_ONCE_KEYS || !ONCE.add(key)) {
            return false;
        }
        warn(message);
        return true;
    }

    /** An error: devmsan itself failed; the cause's stack trace is printed. */
    public static void error(String message, Throwable cause) {
        Sink s = sink();
        if (s == null) {
            PrintStream err = err();
            err.println(PREFIX + "ERROR " + message);
            if (cause != null) {
                cause.printStackTrace(err);
            }
        } else {
            s.error(message, cause);
        }
    }

    /** A violation report: always on the console, like KASAN, and at WARN when slf4j is bound. */
    static void violation(String text) {
        err().print(text);
        err().flush();
        Sink s = sink();
        if (s != null) {
            s.warn(text, null);
        }
    }

    private static String describe(Throwable cause) {
        return cause == null ? "" : ": " + cause;
    }

    /** Read each time so that a test (or the application) replacing System.err is honoured. */
    private static PrintStream err() {
        return System.err;
    }

    /** The slf4j sink, or null when there is no binding. */
    private static Sink sink() {
        Sink s = sink;
        if (s == null) {
            s = detect();
            sink = s;
        }
        return s == NONE ? null : s;
    }

    private static Sink detect() {
        try {
            ClassLoader system = ClassLoader.getSystemClassLoader();
            boolean api = system.getResource("org/slf4j/LoggerFactory.class") != null;
            boolean binding = system.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") != null
                    || system.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null;
            if (!api || !binding) {
                return NONE;
            }
            // Reflection keeps Slf4jSink, and with it org.slf4j, out of this class's linkage.
            Class<?> type = Class.forName("io.devmsan.runtime.Slf4jSink", true, Log.class.getClassLoader());
            return (Sink) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            err().println(PREFIX + "WARN slf4j binding found but unusable, logging to System.err" + describe(e));
            return NONE;
        }
    }

    /** Where messages go when slf4j is bound. */
    interface Sink {
        void info(String message);

        void warn(String message, Throwable cause);

        void error(String message, Throwable cause);
    }

    /** Marks "looked, found nothing", so that detection runs once. */
    private static final Sink NONE = new Sink() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message, Throwable cause) {
        }

        @Override
        public void error(String message, Throwable cause) {
        }
    };

    /** For tests: forget the detected sink and the once-keys. */
    static void reset() {
        sink = null;
        ONCE.clear();
    }
}
