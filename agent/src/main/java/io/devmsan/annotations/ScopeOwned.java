package io.devmsan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type whose instances can be owned by a device's bind scope, like a structure that a
 * driver allocates with {@code devm_kzalloc()}. Subclasses inherit the marking.
 *
 * <p>An owned instance dies with its scope (or earlier, when a method annotated
 * {@link Lifecycle.Frees} frees it). After that, every field access on it and every call of
 * one of its instance methods, from any class, is reported.
 *
 * <p>Instances that never become owned are never checked and cost nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ScopeOwned {

    /** When an instance becomes owned. */
    Ownership value() default Ownership.ALLOCATED_IN_SCOPE;

    /** The ways an instance of a {@link ScopeOwned} type comes to belong to a bind scope. */
    enum Ownership {
        /**
         * Constructed while a bind scope is active on the constructing thread (during probe),
         * or adopted by devres: everything the driver builds in probe dies at unbind.
         */
        ALLOCATED_IN_SCOPE,
        /**
         * Only when a method annotated {@link Lifecycle.DevresAdopt} hands it to devres: the
         * same type may also be allocated plainly (and refcounted) without being checked.
         */
        ADOPTED
    }
}
