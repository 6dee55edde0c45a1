package io.devmsan.agent;

import java.io.IOException;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * The {@link TypeFacts} of every class the rewrite has needed, per class loader, read from class
 * files rather than loaded classes: a class that touches an annotated field may be transformed
 * before the class declaring it is loaded. Each class file is read at most once per loader.
 */
final class TypeRegistry {

    /** Keyed weakly by loader so that the registry never keeps an application's loader alive. */
    private final Map<ClassLoader, Map<String, TypeFacts>> byLoader = new WeakHashMap<>();
    private final AgentLog log;

    TypeRegistry(AgentLog log) {
        this.log = log;
    }

    /** Records the facts of a class being transformed, read from the bytes the JVM handed over. */
    void put(ClassLoader loader, TypeFacts facts) {
        if (cache(loader).putIfAbsent(facts.name, facts) == null) {
            warnAboutMisuse(facts);
        }
    }

    /** The facts of a class, read through {@code loader} the first time they are asked for. */
    TypeFacts facts(ClassLoader loader, String internalName) {
        if (internalName == null || ClassFilter.isNeverRewritten(internalName)
                || internalName.startsWith("[")) {
            return TypeFacts.UNKNOWN;
        }
        Map<String, TypeFacts> cache = cache(loader);
        TypeFacts facts = cache.get(internalName);
        if (facts == null) {
            facts = read(loader, internalName);
            TypeFacts raced = cache.putIfAbsent(internalName, facts);
            if (raced != null) {
                facts = raced;
            } else {
                warnAboutMisuse(facts);
            }
        }
        return facts;
    }

    /**
     * The class in {@code internalName}'s superclass chain that declares the owner field (the
     * topmost {@code @ScopeOwned} one), or null when the class is not owned.
     */
    String ownerFieldDeclarer(ClassLoader loader, String internalName) {
        String root = null;
        for (TypeFacts facts = facts(loader, internalName); facts != TypeFacts.UNKNOWN;
                facts = facts(loader, facts.superName)) {
            if (facts.ownership != null && !facts.isInterface) {
                root = facts.name;
            }
        }
        return root;
    }

    /**
     * The class that declares the {@code @DevmScoped} field a {@code GETFIELD/PUTFIELD owner.name}
     * resolves to, or null when it resolves to a field that is not {@code @DevmScoped}.
     */
    String scopedFieldDeclarer(ClassLoader loader, String owner, String name) {
        for (TypeFacts facts = facts(loader, owner); facts != TypeFacts.UNKNOWN;
                facts = facts(loader, facts.superName)) {
            if (facts.instanceFields.contains(name)) {
                return facts.scopedFields.containsKey(name) ? facts.name : null;
            }
        }
        return null;
    }

    /** No lambdas on this path: it runs for the first class loaded, during start-up. */
    private synchronized Map<String, TypeFacts> cache(ClassLoader loader) {
        Map<String, TypeFacts> cache = byLoader.get(loader);
        if (cache == null) {
            cache = new ConcurrentHashMap<>();
            byLoader.put(loader, cache);
        }
        return cache;
    }

    private TypeFacts read(ClassLoader loader, String internalName) {
        try {
            ClassFileLocator.Resolution resolution = ClassFileLocator.ForClassLoader.of(loader)
                    .locate(internalName.replace('/', '.'));
            return resolution.isResolved() ? TypeFacts.read(resolution.resolve()) : TypeFacts.UNKNOWN;
        } catch (IOException | RuntimeException | LinkageError e) {
            // A class without a readable class file (generated at run time, say) declares nothing
            // we could have seen; its accesses stay unchecked rather than breaking the program.
            log.debug("devmsan: no class file for " + internalName + ": " + e);
            return TypeFacts.UNKNOWN;
        }
    }

    private void warnAboutMisuse(TypeFacts facts) {
        for (Map.Entry<String, String> misuse : facts.misusedScopedFields.entrySet()) {
            log.warnOnce("@DevmScoped on " + facts.name.replace('/', '.') + "#" + misuse.getKey() + " is ignored: "
                    + misuse.getValue());
        }
        if (facts.ownership != null && facts.isInterface) {
            log.warnOnce("@ScopeOwned on interface " + facts.name.replace('/', '.')
                    + " is ignored: only classes can carry an owner; annotate the implementing classes");
        }
    }
}
