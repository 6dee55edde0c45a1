package io.devmsan.report;

import java.util.List;

/**
 * Every rule devmsan reports or will report, with the texts code scanning shows. The ids are
 * stable: they are SARIF rule ids, baseline-file entries and part of every fingerprint.
 */
final class RuleCatalog {

    /** The rules in the order SARIF lists them. */
    static final List<Rule> RULES = List.of(
            new Rule("use-after-unbind", "UseAfterUnbind",
                    "State owned by a device's bind scope was used after the device was unbound.",
                    "A driver accessed an object, or followed a reference, that belonged to a device's bind scope "
                            + "after that scope was released: by unbind (the devres unwind after remove()) or by a "
                            + "failed probe. In the kernel this is a use-after-free of devm-managed memory, typically "
                            + "reached through a file that was opened before its character device was unregistered "
                            + "and is still in use: cdev_del() stops new opens, not open files.",
                    "Fence every path from long-lived objects (open files, cdev, timers, IRQ handlers) into "
                            + "bind-scoped state: take a reference or read lock that unbind revokes and waits for "
                            + "(an ops rw-semaphore set to NULL on unregister, SRCU, or an in-flight counter), and "
                            + "fail the operation with -ENODEV or -EPIPE once the device is gone. Do not store "
                            + "devm-allocated state where something that outlives the bind can reach it.",
                    "8.1"),
            new Rule("use-after-free", "UseAfterFree",
                    "An object was used after it was freed explicitly.",
                    "A driver accessed an object after an explicit free (kfree, put of the last reference) "
                            + "released it, outside any unbind of its device.",
                    "Make the free the last use: clear every reference to the object before freeing it, or keep "
                            + "it alive with a reference count (kref) held by every user.",
                    "8.1"),
            new Rule("unfenced-access", "UnfencedAccess",
                    "Bind-scoped state is accessed without a fence that unbind waits for.",
                    "A file operation or asynchronous entry point accessed state owned by a device's bind scope "
                            + "without holding any fence (lock, SRCU read side, in-flight reference) that the "
                            + "device's unbind synchronizes with. No use after unbind was observed in this run, but "
                            + "nothing stops one: an unbind running at that moment would free the state under it.",
                    "Hold a fence that unbind synchronizes with for the whole access: a read lock on the ops "
                            + "semaphore, an SRCU read-side section, or an in-flight reference that unregister "
                            + "drains before the devres unwind.",
                    "7.0"),
            new Rule("unbind-race", "UnbindRace",
                    "An access can run concurrently with unbind and use freed state under another interleaving.",
                    "The explorer found an interleaving in which an access to bind-scoped state and the unbind "
                            + "of its device overlap, so that the state can be released while it is in use.",
                    "Order the access and the unbind: revoke access before the devres unwind and make the "
                            + "unbind wait for accesses already running.",
                    "7.0"),
            new Rule("unbind-hang", "UnbindHang",
                    "Unbind did not complete: it waits for something that is never released.",
                    "The unbind of a device blocked waiting for a file operation, reference or fence that is "
                            + "never released, for example a reference held by an open file that is never closed.",
                    "Make the unbind revoke, not wait: wake up and fail in-flight operations, and drop the "
                            + "waits on references that user space controls.",
                    "5.5"));

    private RuleCatalog() {
    }

    /** The rule with this id; an unknown id (from a newer agent) gets generic texts. */
    static Rule rule(String id) {
        for (Rule rule : RULES) {
            if (rule.id().equals(id)) {
                return rule;
            }
        }
        return new Rule(id, id, "devmsan rule " + id + ".", "A violation of devmsan rule " + id
                + ", reported by a newer devmsan than this one.", "See the devmsan documentation for rule " + id + ".",
                "5.0");
    }

    /**
     * One rule.
     *
     * @param id stable id, such as {@code use-after-unbind}
     * @param name PascalCase name, as SARIF viewers show it
     * @param shortDescription one sentence
     * @param fullDescription what it means, in the kernel's terms
     * @param help how to fix it
     * @param securitySeverity the CVSS-like score GitHub code scanning ranks security alerts by
     */
    record Rule(String id, String name, String shortDescription, String fullDescription, String help,
            String securitySeverity) {
    }
}
