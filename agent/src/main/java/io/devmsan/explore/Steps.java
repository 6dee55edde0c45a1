package io.devmsan.explore;

import io.devmsan.runtime.ExplorerHooks;
import io.devmsan.runtime.ExplorerHooks.Event;

/** How the steps of an interleaving and the checkpoints read: short, in the model's own words. */
final class Steps {

    private Steps() {
    }

    /** One cell of the table, such as {@code exit mutex spi_lock (Mutex.unlock)}. */
    static String text(Event event, Object subject, ExplorerHooks.SiteInfo site) {
        switch (event) {
            case ACCESS:
                return site.accessKind() + " " + shortName(site.resource()) + " at " + simpleLocation(site);
            case FENCE_ATTEMPT:
                return "attempt " + ExplorerHooks.name(subject) + " (" + method(site) + ")";
            case FENCE_ENTER:
                return "enter " + ExplorerHooks.name(subject) + " (" + method(site) + ")";
            case FENCE_EXIT:
                return "exit " + ExplorerHooks.name(subject) + " (" + method(site) + ")";
            case FENCE_SYNCHRONIZE:
                return "synchronize " + ExplorerHooks.name(subject) + " (" + method(site) + ")";
            case OPERATION_ENTER:
                return site.resource() + " " + ExplorerHooks.name(subject);
            case OPERATION_EXIT:
                return site.resource() + " returned";
            case ENTRY_ENTER:
                return "entry " + site.resource() + " of " + ExplorerHooks.name(subject);
            case ENTRY_EXIT:
                return "entry " + site.resource() + " returned";
            case UNBIND_ENTER:
                return "unbind " + ExplorerHooks.name(subject) + " starts";
            case UNBIND_EXIT:
                return "unbind " + ExplorerHooks.name(subject) + " done";
            case CDEV_DEL:
                return "cdev_del " + ExplorerHooks.name(subject);
            case FREE:
                // Never the freed object's toString(): it may read what was just freed.
                return "free " + (subject == null ? "null" : subject.getClass().getSimpleName());
            default:
                return event.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a checkpoint is about: the resource accessed, or the fence, file or operation. */
    static String what(Event event, Object subject, ExplorerHooks.SiteInfo site) {
        switch (event) {
            case ACCESS:
                return site.accessKind() + " " + site.resource();
            case OPERATION_ENTER:
            case OPERATION_EXIT:
            case ENTRY_ENTER:
            case ENTRY_EXIT:
                return site.resource();
            default:
                return ExplorerHooks.name(subject) + " (" + method(site) + ")";
        }
    }

    /** {@code Mutex.unlock}. */
    static String method(ExplorerHooks.SiteInfo site) {
        return shortName(site.className()) + "." + site.methodName();
    }

    /** {@code SpidevFops.write:48}. */
    static String simpleLocation(ExplorerHooks.SiteInfo site) {
        return shortName(site.className()) + "." + site.methodName() + (site.line() >= 0 ? ":" + site.line() : "");
    }

    /** The part after the package: {@code a.b.C$D#f} becomes {@code C$D#f}. */
    static String shortName(String name) {
        if (name == null) {
            return "null";
        }
        int hash = name.indexOf('#');
        String type = hash < 0 ? name : name.substring(0, hash);
        int dot = type.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
