package io.devmsan.explore;

import java.util.List;

/**
 * An access of the schedule that reached released state.
 *
 * @param row its step in the interleaving
 * @param thread the accessing thread
 * @param stack its stack, devmsan's frames removed
 * @param action true when the injected action made it
 * @param inEntry true when made inside a file operation or entry point (the driver's code run
 *     for user space), false for a story's own look at driver state or an unbind's own code
 * @param site the access's site
 */
record DeadAccess(Interleaving.Row row, String thread, List<String> stack, boolean action, boolean inEntry,
        int site) {
}
