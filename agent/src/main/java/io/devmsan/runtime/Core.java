package io.devmsan.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.List;

/**
 * The runtime behind {@link DevmsanRuntime}, {@link Devmsan} and {@link AgentControl}: holds the
 * configuration and the state, installs, and writes reports ({@link Reports}); violations go to
 * {@link Reporter}, lifecycle points to {@link LifecyclePoints}. Everything here is a cold path
 * except {@link #activeProbes}, which the hot path reads.
 */
final class Core {

    /**
     * How many threads are inside a probe. While it is zero (almost always, after start-up) the
     * owner hooks return null without touching a ThreadLocal.
     */
    static volatile int activeProbes;

    /** The explorer's listener; see {@link AccessListener}. */
    static volatile AccessListener accessListener;

    private static final VarHandle ACTIVE_PROBES;

    static {
        try {
            ACTIVE_PROBES = MethodHandles.lookup().findStaticVarHandle(Core.class, "activeProbes", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code -Ddevmsan.fenceAnalysis=on}: the fence analysis runs for the whole JVM. */
    static final String FENCE_ANALYSIS_PROPERTY = "devmsan.fenceAnalysis";

    private static final Object INSTALL_LOCK = new Object();
    private static boolean installCalled;
    private static Thread shutdownHook;

    private static volatile RuntimeConfig config = RuntimeConfig.defaults();

    /** {@code config.provenance() == FULL}, kept beside it for the file-operation hooks. */
    static volatile boolean fullProvenance;
    private static volatile Registry registry = new Registry();
    private static volatile Recorder recorder = new Recorder(Recorder.MAX_DISTINCT);
    private static volatile TransformFailures transformFailures = new TransformFailures();
    private static volatile ScopedFieldUsage scopedFields = new ScopedFieldUsage();
    private static volatile boolean installed;
    private static volatile String version;
    private static volatile long startMillis = System.currentTimeMillis();
    /** Reports are written only once a report directory was chosen (install, or a test). */
    private static volatile boolean reportsEnabled;
    private static volatile boolean backgroundFlush;

    private Core() {
    }

    // ------------------------------------------------------------ owner tokens (per allocation/store in probe)

    static Lifetime ownerForNew(Object object, int site) {
        return BindScopes.ownerInProbe(Lifetime.Origin.ALLOCATED);
    }

    static Lifetime ownerForStore(Object value, int site) {
        Lifetime token = BindScopes.ownerInProbe(Lifetime.Origin.STORED);
        if (token != null) {
            scopedFields.storedInScope(SiteTable.INSTANCE.get(site).resource);
        }
        return token;
    }

    // ------------------------------------------------------------ violations

    static void ownedAccess(Lifetime owner, int site) {
        Reporter.access(owner, site);
    }

    static void scopedRead(Object value, Lifetime owner, int site) {
        if (value == null) {
            return; // stored by unchecked code (a VarHandle, say) over a checked value: nothing is used
        }
        Reporter.access(owner, site);
    }

    /** For the fence analysis: the read sides the current thread holds, oldest first. */
    static List<Object> heldFences() {
        return ThreadState.current().heldFences();
    }

    /** For the fence analysis: the fences the running (or last) unbind of {@code device} synchronized. */
    static List<Object> fencesSynchronizedByUnbind(Object device) {
        DeviceRecord record = registry.devices.get(device);
        return record == null ? List.of() : record.synchronizedFences.keys();
    }

    // ------------------------------------------------------------ the agent's side

    static void install(RuntimeConfig newConfig, String agentVersion) {
        if (newConfig == null) {
            throw new IllegalArgumentException("install: config is null; expected RuntimeConfig.defaults() or a copy of it");
        }
        synchronized (INSTALL_LOCK) {
            if (installCalled) {
                Log.warn("the devmsan runtime was installed twice; keeping the first configuration (" + config + ")");
                return;
            }
            installCalled = true;
            config = newConfig;
            fullProvenance = newConfig.provenance() == RuntimeConfig.Provenance.FULL;
            rearm();
            version = agentVersion;
            startMillis = System.currentTimeMillis();
            reportsEnabled = true;
            backgroundFlush = true;
            shutdownHook = new ShutdownHook();
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        // A whole run judged by the fence analysis: off unless asked for (see FenceAnalysis).
        if ("on".equalsIgnoreCase(System.getProperty(FENCE_ANALYSIS_PROPERTY, "off").trim())) {
            FenceAnalyzer.start();
        }
    }

    static void markInstalled() {
        installed = true;
    }

    static boolean installed() {
        return installed;
    }

    static String version() {
        String v = version;
        if (v != null) {
            return v;
        }
        String fromJar = Core.class.getPackage().getImplementationVersion();
        return fromJar != null ? fromJar : "unknown";
    }

    static void recordTransformFailure(String className, Throwable failure) {
        transformFailures.record(className, failure);
    }

    // ------------------------------------------------------------ queries and reports

    static Devmsan.Snapshot snapshot() {
        return new Devmsan.Snapshot(recorder.counts());
    }

    static List<Violation> since(Devmsan.Snapshot snapshot) {
        return recorder.since(snapshot == null ? new long[0] : snapshot.counts);
    }

    static void flush() {
        if (reportsEnabled) {
            Reports.write();
        }
    }

    /** Called once per new fingerprint: the background flusher writes soon after. */
    static void violationRecorded() {
        if (reportsEnabled && backgroundFlush) {
            Reports.FLUSHER.poke();
        }
    }

    static boolean backgroundFlush() {
        return backgroundFlush;
    }

    /** The shutdown hook: warnings about unused annotations, then the final report. */
    /** A class, not {@code new Thread(Core::atExit)}: a method reference costs start-up time. */
    private static final class ShutdownHook extends Thread {
        ShutdownHook() {
            super("devmsan-shutdown");
        }

        @Override
        public void run() {
            atExit();
        }
    }

    private static void atExit() {
        try {
            scopedFields.warnAtExit(registry.devices.size() > 0);
        } catch (Throwable t) {
            Log.error("devmsan could not check its @DevmScoped fields at exit", t);
        }
        flushQuietly();
    }

    private static void flushQuietly() {
        try {
            flush();
        } catch (Throwable t) {
            Log.error("devmsan could not write its report at exit", t);
        }
    }

    // ------------------------------------------------------------ state access

    static RuntimeConfig config() {
        return config;
    }

    static Registry registry() {
        return registry;
    }

    static Recorder recorder() {
        return recorder;
    }

    static TransformFailures transformFailures() {
        return transformFailures;
    }

    static ScopedFieldUsage scopedFields() {
        return scopedFields;
    }

    static long startMillis() {
        return startMillis;
    }

    /** One more (or one fewer) thread inside a probe. */
    static void addActiveProbe(int delta) {
        ACTIVE_PROBES.getAndAdd(delta);
    }

    /** Arms the explorer: every checked access goes to {@code listener}; null disarms it. */
    static void arm(AccessListener listener) {
        accessListener = listener;
        rearm();
    }

    /** The armed flag follows its two users: the explorer's listener and the fence analysis. */
    static void rearm() {
        DevmsanRuntime.armed = accessListener != null || FenceAnalyzer.on;
        DevmsanRuntime.operationsWatched = DevmsanRuntime.armed || fullProvenance;
        DeadTokens.recompute();
        if (DevmsanRuntime.operationsWatched) {
            // The explorer, the fence analysis and the timeline want every operation.
            OperationTracking.begin();
        }
    }

    // ------------------------------------------------------------ tests

    /**
     * For tests: starts over with {@code newConfig} and a recorder for at most {@code capacity}
     * fingerprints, forgetting every record, token and count, the current thread's state and any
     * install (its shutdown hook is removed).
     */
    static void resetForTests(RuntimeConfig newConfig, boolean flushInBackground, int capacity) {
        synchronized (INSTALL_LOCK) {
            if (shutdownHook != null) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
                shutdownHook = null;
            }
            installCalled = false;
            installed = false;
            version = null;
        }
        config = newConfig;
        fullProvenance = newConfig.provenance() == RuntimeConfig.Provenance.FULL;
        OperationTracking.reset();
        rearm();
        registry = new Registry();
        recorder = new Recorder(capacity);
        transformFailures = new TransformFailures();
        scopedFields = new ScopedFieldUsage();
        activeProbes = 0;
        FenceAnalyzer.resetForTests();
        arm(null);
        ThreadState.resetCurrent();
        startMillis = System.currentTimeMillis();
        reportsEnabled = true;
        backgroundFlush = flushInBackground;
    }

    /** For tests: the report file of this run. */
    static Path reportFile() {
        return Reports.file();
    }
}
