package io.devmsan.agent;

import java.util.HashMap;
import java.util.Map;

/** What the rewrite of one class needs to know, gathered before its methods are visited. */
final class RewriteContext {

    final ClassLoader loader;
    final TypeRegistry registry;
    final TypeFacts self;
    /** Where this class's owner field is declared (it or a superclass), or null when not owned. */
    final String ownerFieldDeclarer;
    /** Access flags of the fields declared so far, to give each companion its field's visibility. */
    final Map<String, Integer> fieldAccess = new HashMap<>();
    String sourceFile;

    RewriteContext(ClassLoader loader, TypeRegistry registry, TypeFacts self) {
        this.loader = loader;
        this.registry = registry;
        this.self = self;
        this.ownerFieldDeclarer = registry.ownerFieldDeclarer(loader, self.name);
    }

    String className() {
        return Names.dotted(self.name);
    }
}
