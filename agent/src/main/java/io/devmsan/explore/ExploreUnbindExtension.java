package io.devmsan.explore;

import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The JUnit 5 side of {@link ExploreUnbind}: resolves the {@link UnbindExploration} parameter, and
 * after the test method returns runs the explorer it was given with the annotation's settings,
 * failing the test with the exploration's report unless the result is clean. Registered by the
 * annotation; not meant to be registered by hand.
 */
public final class ExploreUnbindExtension implements ParameterResolver, InvocationInterceptor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExploreUnbindExtension.class);

    /** Instantiated by JUnit. */
    public ExploreUnbindExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == UnbindExploration.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("exploration", key -> new UnbindExploration(),
                UnbindExploration.class);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        invocation.proceed();
        ExploreUnbind settings = context.getRequiredTestMethod().getAnnotation(ExploreUnbind.class);
        UnbindExploration exploration = context.getStore(NAMESPACE).get("exploration", UnbindExploration.class);
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        if (settings == null || exploration == null || exploration.explorer() == null) {
            throw new IllegalStateException("@ExploreUnbind test " + test + " must take an UnbindExploration parameter "
                    + "and call explore(UnbindExplorer.of(...).withAction(...)) on it");
        }
        ExplorationResult result = configure(exploration.explorer(), settings, test).run();
        if (!result.clean()) {
            throw new AssertionError(result.report());
        }
    }

    private static <M> UnbindExplorer<M> configure(UnbindExplorer<M> explorer, ExploreUnbind settings, String test) {
        UnbindExplorer<M> configured = explorer.withName(test)
                .withScheduleBudget(settings.schedules())
                .withTimeBudget(Duration.ofSeconds(settings.seconds()))
                .withFenceAnalysis(settings.fenceAnalysis());
        return settings.replay().isEmpty() ? configured : configured.withReplay(settings.replay());
    }
}
