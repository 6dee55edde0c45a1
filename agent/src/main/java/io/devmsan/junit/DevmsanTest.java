package io.devmsan.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class (or method) with {@link DevmsanExtension}: every test fails on a
 * violation that happened during it, and fails when the agent is not attached.
 *
 * <pre>{@code
 * @DevmsanTest
 * class XyzDriverTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(DevmsanExtension.class)
public @interface DevmsanTest {
}
