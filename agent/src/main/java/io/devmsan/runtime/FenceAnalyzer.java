package io.devmsan.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The predictive fence analysis behind {@link FenceAnalysis}: while it is on, every access to live
 * bind-scoped state made inside a file operation or entry point is remembered with the read sides
 * its thread held; when that device's unbind completes, each remembered access is judged against
 * the fences the unbind synchronized with. An access that held none of them is an
 * {@code unfenced-access}: that unbind, had it run at that moment, would not have waited for it.
 *
 * <p>The access and the unbind need not overlap, which is the point: a plain open, ioctl, close,
 * then unbind is enough. Accesses made by probing or unbinding threads are not entry points and
 * are skipped; accesses to already dead state are use-after-unbind violations, not predictions.
 *
 * <p>Order matters: state freed during the unbind (an early devres unwind, a kfree in
 * {@code remove()}) is protected only by fences the unbind synchronized before freeing it.
 *
 * <p>Bounded: one remembered access per site and set of held fences, at most {@value #MAX_PENDING}
 * waiting for an unbind; accesses of devices that never unbind while it is on are dropped at
 * {@link #stop()}.
 */
final class FenceAnalyzer {

    static final int MAX_PENDING = 4096;

    /** Read on every armed access; the armed flag itself lives in {@link DevmsanRuntime}. */
    static volatile boolean on;

    private static final Object LOCK = new Object();
    /** Per device, keyed by site and held fences: accesses waiting for the device's unbind. */
    private static final Map<DeviceRecord, Map<String, Pending>> PENDING = new IdentityHashMap<>();
    /** Per unbinding device, when (in {@link #ORDER}) it synchronized each fence. */
    private static final Map<DeviceRecord, Map<Object, Long>> SYNCHRONIZED = new IdentityHashMap<>();
    /** Owner tokens freed during an unbind, and when: a fence synchronized later came too late. */
    private static final Map<Lifetime, Long> FREED = new IdentityHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong ORDER = new java.util.concurrent.atomic.AtomicLong();
    private static int pendingCount;
    private static long dropped;

    private FenceAnalyzer() {
    }

    static void start() {
        on = true;
        Core.rearm();
    }

    /** Stops recording and forgets the accesses no unbind has judged; returns how many. */
    static int stop() {
        on = false;
        Core.rearm();
        synchronized (LOCK) {
            int forgotten = pendingCount;
            PENDING.clear();
            SYNCHRONIZED.clear();
            FREED.clear();
            pendingCount = 0;
            return forgotten;
        }
    }

    /** The unbind of {@code device} (running on this thread) synchronized with {@code fence}. */
    static void synchronizedBy(DeviceRecord device, Object fence) {
        synchronized (LOCK) {
            SYNCHRONIZED.computeIfAbsent(device, d -> new IdentityHashMap<>()).putIfAbsent(fence, ORDER.incrementAndGet());
        }
    }

    /** {@code token} was freed while its device's unbind ran: only fences synchronized before count. */
    static void freedDuringUnbind(Lifetime token) {
        synchronized (LOCK) {
            FREED.putIfAbsent(token, ORDER.incrementAndGet());
        }
    }

    /** Accesses not remembered because {@value #MAX_PENDING} were already waiting. */
    static long dropped() {
        synchronized (LOCK) {
            return dropped;
        }
    }

    static void resetForTests() {
        stop();
        synchronized (LOCK) {
            dropped = 0;
        }
    }

    /** An armed access to state owned by {@code owner}, on the accessing thread. */
    static void access(Lifetime owner, int siteIndex) {
        if (owner.isDead()) {
            return;
        }
        ThreadState state = ThreadState.current();
        if (state.reporting || state.inProbe() || state.unbinding()) {
            return;
        }
        OperationStack ops = state.operations;
        int op = ops.innermost(OperationStack.FILE_OPERATION);
        int entry = ops.innermost(OperationStack.ENTRY_POINT);
        if (op < 0 && entry < 0) {
            return;
        }
        List<Object> held = state.heldFences();
        String key = key(siteIndex, held);
        DeviceRecord device = owner.device;
        synchronized (LOCK) {
            Map<String, Pending> forDevice = PENDING.get(device);
            if (forDevice != null && forDevice.containsKey(key)) {
                return;
            }
            if (pendingCount >= MAX_PENDING) {
                dropped++;
                return;
            }
        }
        // Built outside the lock: naming fences and files calls the model's toString().
        state.reporting = true;
        Pending pending;
        try {
            pending = new Pending(siteIndex, owner, held, names(held), Stacks.capture(),
                    Thread.currentThread().getName(), fileOperation(ops, op), entryPoint(ops, entry));
        } finally {
            state.reporting = false;
        }
        synchronized (LOCK) {
            Map<String, Pending> forDevice = PENDING.computeIfAbsent(device, d -> new LinkedHashMap<>());
            if (forDevice.putIfAbsent(key, pending) == null) {
                pendingCount++;
            }
        }
    }

    /** The unbind of {@code device} completed: judges the accesses waiting for it. */
    static void unbindDone(DeviceRecord device) {
        Map<String, Pending> forDevice;
        Map<Object, Long> synchronizedAt;
        Map<Lifetime, Long> freedAt = new IdentityHashMap<>();
        synchronized (LOCK) {
            synchronizedAt = SYNCHRONIZED.remove(device);
            forDevice = PENDING.remove(device);
            for (java.util.Iterator<Map.Entry<Lifetime, Long>> it = FREED.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Lifetime, Long> freed = it.next();
                if (freed.getKey().device == device) {
                    freedAt.put(freed.getKey(), freed.getValue());
                    it.remove();
                }
            }
            if (forDevice == null) {
                return;
            }
            pendingCount -= forDevice.size();
        }
        if (synchronizedAt == null) {
            synchronizedAt = Map.of();
        }
        List<String> synchronizedNames = names(new ArrayList<>(synchronizedAt.keySet()));
        for (Pending access : forDevice.values()) {
            Long freed = freedAt.get(access.owner);
            if (!fenced(access.held, synchronizedAt, freed == null ? Long.MAX_VALUE : freed)) {
                Findings.unfencedAccess(access, device, synchronizedNames, freed != null && fenced(access.held,
                        synchronizedAt, Long.MAX_VALUE));
            }
        }
    }

    /** Whether a held fence was synchronized by the unbind before {@code freedAt}. */
    private static boolean fenced(List<Object> held, Map<Object, Long> synchronizedAt, long freedAt) {
        for (Object fence : held) {
            Long at = synchronizedAt.get(fence);
            if (at != null && at < freedAt) {
                return true;
            }
        }
        return false;
    }

    private static String key(int site, List<Object> held) {
        StringBuilder key = new StringBuilder().append(site);
        for (Object fence : held) {
            key.append(':').append(System.identityHashCode(fence));
        }
        return key.toString();
    }

    private static List<String> names(List<Object> fences) {
        List<String> names = new ArrayList<>(fences.size());
        for (Object fence : fences) {
            names.add(Names.of(fence));
        }
        return names;
    }

    private static FileOperationInfo fileOperation(OperationStack ops, int op) {
        if (op < 0) {
            return null;
        }
        Object file = ops.subject(op);
        FileRecord record = Core.registry().files.get(file);
        return new FileOperationInfo(SiteTable.INSTANCE.get(ops.site(op)).resource,
                record != null ? record.name : Names.of(file),
                record != null && record.cdev != null ? record.cdev.name : null,
                record != null && record.openedBeforeUnregister(), false);
    }

    private static String entryPoint(OperationStack ops, int entry) {
        return entry >= 0 ? SiteTable.INSTANCE.get(ops.site(entry)).resource : null;
    }

    /** One remembered access: where, what it held, and what a report needs. */
    static final class Pending {
        final int site;
        final Lifetime owner;
        /** Identity matters: strong while waiting, dropped once judged. */
        final List<Object> held;
        final List<String> heldNames;
        final List<String> stack;
        final String thread;
        final FileOperationInfo fileOperation;
        final String entryPoint;

        Pending(int site, Lifetime owner, List<Object> held, List<String> heldNames, List<String> stack,
                String thread, FileOperationInfo fileOperation, String entryPoint) {
            this.site = site;
            this.owner = owner;
            this.held = held;
            this.heldNames = heldNames;
            this.stack = stack;
            this.thread = thread;
            this.fileOperation = fileOperation;
            this.entryPoint = entryPoint;
        }
    }
}
