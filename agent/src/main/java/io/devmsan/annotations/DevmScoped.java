package io.devmsan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an instance field whose value belongs to a device's bind scope, like a pointer that a
 * driver got from {@code devm_kzalloc()} or {@code devm_ioremap()}.
 *
 * <p>Ownership is decided when the field is written: the value belongs to the bind scope that is
 * active on the writing thread (a probe in progress). A value written outside any bind scope is
 * not owned and never checked. Once that scope is released (the devres unwind after
 * {@code remove()} has finished, or the probe failed), every read that yields a non-null value
 * is reported as a use after unbind; reading a field that was cleared to {@code null} is not.
 *
 * <p>The check happens at every read, from any class: the declaring class, lambdas, inner
 * classes and other packages alike. Static and primitive fields cannot dangle: the agent ignores
 * the annotation there and logs one warning naming the field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface DevmScoped {
}
