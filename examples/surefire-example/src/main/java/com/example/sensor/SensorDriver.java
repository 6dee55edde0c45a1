package com.example.sensor;

import io.devmsan.annotations.DevmScoped;

/**
 * A sensor driver with the classic bug: its handle (like an open file) outlives the bind, but
 * the state it points to was allocated in probe and is gone after unbind.
 */
public final class SensorDriver {

    private SensorDriver() {
    }

    /** Binds the driver to {@code device} and returns a handle to it. */
    public static Handle probe(Object device) {
        Handle handle = new Handle();
        MiniBus.bind(device, () -> handle.state = new State());
        return handle;
    }

    /** What user space holds: survives unbind. */
    public static final class Handle {
        /** Stored in probe: belongs to the bind, dangles after unbind. */
        @DevmScoped
        State state;

        /** Reads the sensor; after unbind this is a use after unbind. */
        public int read() {
            return state.value;
        }
    }

    /** Allocated in probe (devm_kzalloc in a kernel driver). */
    static final class State {
        int value = 42;
    }
}
