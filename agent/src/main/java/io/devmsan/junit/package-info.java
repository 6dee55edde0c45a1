/**
 * JUnit 5 support: {@link io.devmsan.junit.DevmsanExtension} (or the meta-annotation
 * {@link io.devmsan.junit.DevmsanTest}) fails each test during which a violation happened, with
 * the KASAN-style report as its message, even when driver code swallowed the error; tests that
 * reproduce a bug on purpose declare it with {@link io.devmsan.junit.ExpectViolation}.
 */
package io.devmsan.junit;
