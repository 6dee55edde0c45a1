package io.devmsan.runtime;

/**
 * The agent's handle on the runtime, for {@code io.devmsan.agent} only: application code uses
 * {@link Devmsan} and rewritten code {@link DevmsanRuntime}.
 */
public final class AgentControl {

    private AgentControl() {
    }

    /**
     * Configures the runtime, once, from premain: later calls log a warning and change nothing.
     * Registers the shutdown hook that writes the report file. The agent logs the start-up line
     * once its canary has passed.
     *
     * @param config the runtime configuration
     * @param version the agent's version, for reports
     * @throws IllegalArgumentException when {@code config} is null
     */
    public static void install(RuntimeConfig config, String version) {
        Core.install(config, version);
    }

    /**
     * Marks the agent as working: after its transformer is installed and its canary class was
     * rewritten and checked. {@link Devmsan#isInstalled()} is false until then.
     */
    public static void markInstalled() {
        Core.markInstalled();
    }

    /**
     * Counts a class the agent could not rewrite (it loads unchanged) for the report, and logs
     * it once per class name, so the agent need not log it again.
     */
    public static void recordTransformFailure(String className, Throwable failure) {
        Core.recordTransformFailure(className, failure);
    }

    /** The JSON report file this JVM writes. */
    public static java.nio.file.Path reportFile() {
        return Reports.file();
    }

    /** The configuration in effect: the installed one, or the defaults. */
    public static RuntimeConfig config() {
        return Core.config();
    }

    /**
     * The agent rewrote the class declaring {@code @DevmScoped} field {@code field}
     * ({@code a.b.C#f}): at exit, a field that never received a value in a probe is named in a
     * warning.
     */
    public static void scopedFieldDeclared(String field) {
        Core.scopedFields().declared(field);
    }
}
