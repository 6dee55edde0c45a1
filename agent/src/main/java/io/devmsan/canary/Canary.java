package io.devmsan.canary;

import io.devmsan.annotations.DevmScoped;

/**
 * The start-up self-check's subject: a class with a {@code @DevmScoped} field that ships in the
 * agent jar and is loaded only by the self-check, after the transformer is installed. It must
 * arrive rewritten (with the companion field) and its rewritten reader must run. A real class
 * rather than one generated at start-up keeps Byte Buddy's code generator out of premain.
 */
public final class Canary {

    @DevmScoped
    Object resource;

    /** Reads the scoped field through the rewritten check. */
    public Object read() {
        return resource;
    }
}
