package io.devmsan.explore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns a JUnit 5 test into an unbind exploration. The test takes an {@link UnbindExploration},
 * hands it the explorer for its story, and returns; the exploration then runs, and the test fails
 * with the report (every failing schedule with its interleaving and replay id, every unfenced
 * access) unless it is clean.
 *
 * <pre>{@code
 * @ExploreUnbind(schedules = 500)
 * void writeSurvivesAnUnbindAnywhere(UnbindExploration exploration) {
 *     exploration.explore(UnbindExplorer.of(TpmPlatform::boot, m -> { ... }, TpmPlatform::shutdown)
 *             .withAction(Action.UNBIND, (m, subject) -> m.bus().unbind(m.device())));
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@ExtendWith(ExploreUnbindExtension.class)
public @interface ExploreUnbind {

    /** The schedule budget. */
    int schedules() default 2_000;

    /** The time budget in seconds. */
    int seconds() default 120;

    /** Replays this one schedule (such as {@code UNBIND@7}) instead of exploring; empty explores. */
    String replay() default "";

    /** Whether the recording run also runs the fence analysis. */
    boolean fenceAnalysis() default true;
}
