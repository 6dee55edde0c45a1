package io.devmsan.runtime;

import io.devmsan.runtime.RuntimeConfig.Provenance;
import java.util.List;

/**
 * Bind scopes and ownership: probe opens a scope, unbind (or a failed probe) releases it and
 * every child token; devres adoption and frees change one object's owner token. All cold paths.
 *
 * <p>Model objects are only compared by identity, recorded weakly and named with a guarded
 * {@code toString()}; no lock the driver could hold is taken.
 */
final class BindScopes {

    private BindScopes() {
    }

    /**
     * The owner token for an object allocated, or a value stored, on this thread: a child of the
     * active bind scope (or the scope itself at provenance none), or null outside any probe.
     */
    static Lifetime ownerInProbe(Lifetime.Origin origin) {
        Lifetime scope = ThreadState.current().activeScope();
        if (scope == null) {
            return null;
        }
        if (Core.config().provenance() == Provenance.NONE) {
            return scope;
        }
        return scope.child(origin, Stacks.capture());
    }

    static void probeEnter(Object device, int site) {
        if (device == null) {
            return;
        }
        DeviceRecord record = named(device);
        int generation = record.nextGeneration();
        Lifetime scope = Lifetime.scope(record, generation, Stacks.capture());
        record.scope = scope;
        if (ThreadState.current().pushProbe(scope)) {
            Core.addActiveProbe(1);
        }
        record.timeline.add("probe", "generation " + generation);
    }

    static void probeExit(Object device, Throwable thrown, int site) {
        if (device == null) {
            return;
        }
        DeviceRecord record = Core.registry().devices.get(device);
        if (record == null) {
            return; // its probeEnter was never seen
        }
        ThreadState state = ThreadState.current();
        Lifetime scope = state.popProbe(record);
        if (scope != null && !state.inProbe()) {
            Core.addActiveProbe(-1);
        }
        if (thrown == null) {
            return;
        }
        if (scope == null) {
            scope = record.scope;
        }
        // The failed probe unwinds devres here: its exit is where everything was freed.
        record.timeline.add("probe-failed", thrown.getClass().getName());
        if (scope != null && !scope.isDead()) {
            scope.releaseScope(new Release(Release.Kind.FAILED_PROBE, record.name,
                    Thread.currentThread().getName(), Stacks.capture(), false));
            forget(record, scope);
        }
    }

    static void unbindEnter(Object device, int site) {
        if (device == null) {
            return;
        }
        DeviceRecord record = named(device);
        record.unbindStack = Stacks.capture();
        record.unbindThread = Thread.currentThread().getName();
        record.synchronizedFences.clear();
        record.unbinding = true;
        ThreadState state = ThreadState.current();
        state.pushUnbind(record);
        if (FenceAnalyzer.on) {
            // What the removal path synchronized before reaching this unbind counts for it too.
            for (Object fence : state.removalSyncs()) {
                FenceAnalyzer.synchronizedBy(record, fence);
            }
        }
        record.timeline.add("unbind-start", null);
    }

    static void unbindExit(Object device, Throwable thrown, int site) {
        if (device == null) {
            return;
        }
        Registry registry = Core.registry();
        DeviceRecord record = registry.devices.get(device);
        if (record == null) {
            return; // never probed nor unbound under the agent: nothing is owned by it
        }
        ThreadState.current().popUnbind(record);
        List<String> stack = record.unbindStack;
        String thread = record.unbindThread;
        if (!record.unbinding) {
            // No unbindEnter seen (an unbalanced call): the exit is the best stack we have.
            stack = Stacks.capture();
            thread = Thread.currentThread().getName();
        }
        Lifetime scope = record.scope;
        if (scope != null && !scope.isDead()) {
            scope.releaseScope(new Release(Release.Kind.UNBIND, record.name, thread, stack, false));
            forget(record, scope);
        }
        record.unbinding = false;
        record.timeline.add("unbind-done", thrown == null ? null : "remove threw " + thrown.getClass().getName());
        CharDevices.markInFlight(record);
        if (FenceAnalyzer.on) {
            FenceAnalyzer.unbindDone(record);
        }
    }

    static void adopt(Object device, Object object, int site) {
        if (device == null || object == null) {
            return;
        }
        Class<?> type = object.getClass();
        if (OwnerField.of(type) == null) {
            if (OwnerField.isScopeOwned(type)) {
                Log.warnOnce("adopt:" + type.getName(), type.getName()
                        + " is @ScopeOwned but has no " + OwnerField.NAME
                        + " field (was it loaded before the agent?); devres adoption of it is not tracked");
            }
            return;
        }
        DeviceRecord record = Core.registry().devices.get(device);
        Lifetime scope = record == null ? null : record.scope;
        if (scope == null || scope.isDead()) {
            return; // no open bind scope to own it
        }
        Lifetime current = OwnerField.read(object);
        if (current != null && !current.isDead() && current.scope() == scope) {
            return; // already owned by this scope (allocated in probe)
        }
        boolean none = Core.config().provenance() == Provenance.NONE;
        OwnerField.write(object, none ? scope : scope.child(Lifetime.Origin.ADOPTED, Stacks.capture()));
        if (Core.config().provenance() == Provenance.FULL) {
            record.timeline.add("adopt", type.getName());
        }
    }

    static void free(Object object, int site) {
        if (object == null) {
            return;
        }
        Lifetime token = OwnerField.read(object);
        if (token == null || token.isDead()) {
            return; // not owned (not tracked), or already dead
        }
        DeviceRecord record = token.device;
        Release why = new Release(Release.Kind.FREE, record.name, Thread.currentThread().getName(),
                Stacks.capture(), record.unbinding);
        if (token.isScope()) {
            // Shared with the scope's other objects: only this object's token must die.
            OwnerField.write(object, token.deadReplacement(why));
        } else {
            token.kill(why);
            if (FenceAnalyzer.on && record.unbinding) {
                FenceAnalyzer.freedDuringUnbind(token);
            }
        }
        if (Core.config().provenance() == Provenance.FULL) {
            record.timeline.add("free", object.getClass().getName());
        }
    }

    /**
     * A released scope leaves its device record, so that the runtime keeps no dead token
     * reachable (see {@link DeadTokens}); a newer scope, from a probe that already ran, stays.
     */
    private static void forget(DeviceRecord record, Lifetime released) {
        if (record.scope == released) {
            record.scope = null;
        }
    }

    /** The device's record, its name refreshed (names are often assigned late, in probe). */
    private static DeviceRecord named(Object device) {
        Registry registry = Core.registry();
        DeviceRecord record = registry.devices.get(device);
        if (record == null) {
            return registry.device(device);
        }
        record.name = Names.of(device);
        return record;
    }
}
