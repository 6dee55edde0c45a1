package io.devmsan.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a violation the test expects, for tests that reproduce a bug on purpose. With
 * {@link DevmsanExtension}, the test fails when an expected violation does not occur, and still
 * fails on any other (unexpected) violation. Repeatable:
 *
 * <pre>{@code
 * @Test
 * @ExpectViolation(rule = "use-after-unbind", resource = "XyzContext#regs")
 * void ioctlAfterUnbindIsCaught() { ... }
 * }</pre>
 *
 * <p>With {@code onViolation=throw}, a {@code DevmsanViolationError} of an expected violation that
 * reaches the test method is swallowed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ExpectViolation.List.class)
public @interface ExpectViolation {

    /** The rule id, such as {@code use-after-unbind}; {@code *} for any rule. */
    String rule();

    /**
     * The resource: its full name ({@code com.example.XyzContext#regs}) or a suffix of it
     * ({@code XyzContext#regs}, {@code #regs}), in which {@code *} stands for any characters
     * ({@code XyzContext#*}, {@code com.example.*#regs}); {@code *} (the default) for any resource.
     */
    String resource() default "*";

    /** The container of repeated {@link ExpectViolation}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The expectations. */
        ExpectViolation[] value();
    }
}
