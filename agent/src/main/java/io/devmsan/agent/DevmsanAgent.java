package io.devmsan.agent;

import io.devmsan.runtime.AgentControl;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points. {@link #premain} only wires: parse the options, configure the runtime,
 * install the transformer and prove with the {@link Canary} that it works. {@link #main} runs the
 * command-line tools on report directories.
 */
public final class DevmsanAgent {

    private DevmsanAgent() {
    }

    /**
     * Called by the JVM for {@code -javaagent:devmsan-agent.jar[=options]}. A bad option stops the
     * JVM with one line naming it; any other failure leaves the program running without checks and
     * says so.
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        install(options, instrumentation);
    }

    static void install(AgentOptions options, Instrumentation instrumentation) {
        AgentLog log = new AgentLog(options.log() == AgentOptions.LogLevel.DEBUG);
        String version = version();
        try {
            AgentControl.install(options.runtimeConfig(), version);
            instrumentation.addTransformer(new DevmsanTransformer(options, log, version), false);
            String failure = Canary.check();
            if (failure != null) {
                log.warnOnce("devmsan " + version + " is NOT checking anything on JDK " + Runtime.version()
                        + ": " + failure + ". Run with -javaagent:devmsan-agent.jar=log=debug and report it.");
                return;
            }
            AgentControl.markInstalled();
            if (options.log() != AgentOptions.LogLevel.QUIET) {
                log.info("devmsan " + version + " active on JDK " + Runtime.version() + " ("
                        + System.getProperty("java.vm.name") + "), include=" + options.includes()
                        + " exclude=" + (options.excludes().isEmpty() ? "-" : options.excludes())
                        + ", canary ok, reports to " + AgentControl.reportFile().toAbsolutePath());
            }
        } catch (Throwable t) {
            log.warnOnce("devmsan " + version + " failed to install on JDK " + Runtime.version()
                    + " and checks nothing: " + t);
        }
    }

    /** {@code java -jar devmsan-agent.jar report|check ...}. */
    public static void main(String[] arguments) {
        System.exit(Cli.run(arguments, System.out, System.err));
    }

    static String version() {
        String version = DevmsanAgent.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
