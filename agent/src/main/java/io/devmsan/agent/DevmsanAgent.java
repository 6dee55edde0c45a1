package io.devmsan.agent;

import io.devmsan.runtime.AgentControl;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

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
                log.warnOnce("devmsan " + version + " is NOT checking anything on JDK " + jdk()
                        + ": " + failure + ". Run with -javaagent:devmsan-agent.jar=log=debug and report it.");
                return;
            }
            AgentControl.markInstalled();
            if (options.log() != AgentOptions.LogLevel.QUIET) {
                log.info("devmsan " + version + " active on JDK " + jdk() + " ("
                        + System.getProperty("java.vm.name") + "), include=" + options.includes()
                        + " exclude=" + (options.excludes().isEmpty() ? "-" : options.excludes())
                        + ", canary ok, reports to " + AgentControl.reportFile().toAbsolutePath());
            }
        } catch (Throwable t) {
            log.warnOnce("devmsan " + version + " failed to install on JDK " + jdk()
                    + " and checks nothing: " + t);
        }
    }

    /** The JDK's version string; not {@code Runtime.version()}, whose first use spins lambdas. */
    private static String jdk() {
        try {
            return System.getProperty("java.runtime.version", System.getProperty("java.version", "?"));
        } catch (SecurityException e) {
            return Runtime.version().toString(); // a security manager may deny the property, not this
        }
    }

    /** {@code java -jar devmsan-agent.jar report|check ...}. */
    public static void main(String[] arguments) {
        System.exit(Cli.run(arguments, System.out, System.err));
    }

    /**
     * The agent's version from its jar's manifest. Read from the jar itself when the package was
     * defined elsewhere first (a directory on the class path holding classes of the same package,
     * as in tests), which leaves the package without the manifest's attributes.
     */
    static String version() {
        String version = DevmsanAgent.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        try {
            CodeSource source = DevmsanAgent.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation().getPath().endsWith(".jar")) {
                try (JarFile jar = new JarFile(Paths.get(source.getLocation().toURI()).toFile())) {
                    Manifest manifest = jar.getManifest();
                    version = manifest == null ? null
                            : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // "dev" below: a version is only a label
        }
        return version != null ? version : "dev";
    }
}
