package io.devmsan.agent;

import io.devmsan.runtime.Devmsan;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;

/**
 * Installs the agent through an {@link Instrumentation} that accepts the transformer and never
 * calls it, as a JVM would whose class file load hook is broken: the canary must notice, say
 * why in one line, and leave {@link Devmsan#isInstalled()} false. Run without -javaagent.
 */
public final class NoOpInstrumentationProgram {

    private NoOpInstrumentationProgram() {
    }

    public static void main(String[] args) {
        Instrumentation ignoring = (Instrumentation) Proxy.newProxyInstance(
                NoOpInstrumentationProgram.class.getClassLoader(), new Class<?>[] {Instrumentation.class},
                (proxy, method, arguments) -> defaultOf(method.getReturnType()));
        DevmsanAgent.install(AgentOptions.parse(args.length > 0 ? args[0] : ""), ignoring);
        System.out.println("installed=" + Devmsan.isInstalled());
    }

    /** What a method that does nothing returns. */
    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == int.class) {
            return 0;
        }
        return type == long.class ? 0L : null;
    }
}
