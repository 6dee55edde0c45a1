package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationStackTest {

    private final OperationStack stack = new OperationStack(Thread.currentThread(), null);
    private final Object fileA = "file-a";
    private final Object fileB = "file-b";

    /** Everything one scan sees, as "type subject site" strings; marks every operation it sees. */
    private List<String> scanAndMark() {
        List<String> seen = new ArrayList<>();
        stack.scan((type, subject, site) -> {
            seen.add(type + " " + subject + " " + site);
            return true;
        });
        return seen;
    }

    @Test
    void slotsKeepTypeSubjectAndSiteUpToTheLargestSite() {
        stack.push(OperationStack.FILE_OPERATION, fileA, 0);
        stack.push(OperationStack.ENTRY_POINT, fileB, Integer.MAX_VALUE);
        assertEquals(List.of("1 file-a 0", "2 file-b " + Integer.MAX_VALUE), scanAndMark());
        assertEquals(0, stack.innermost(OperationStack.FILE_OPERATION));
        assertEquals(1, stack.innermost(OperationStack.ENTRY_POINT));
        assertEquals(Integer.MAX_VALUE, stack.site(1));
        assertSame(fileB, stack.subject(1));
    }

    @Test
    void aMarkBelongsToTheOperationSeenNotToTheNextOneInItsSlot() {
        stack.push(OperationStack.FILE_OPERATION, fileA, 7);
        scanAndMark();
        assertTrue(stack.crossedUnbind(0));
        stack.pop();
        stack.push(OperationStack.FILE_OPERATION, fileA, 7); // same file, same site, same slot
        assertFalse(stack.crossedUnbind(0), "a new operation, although it looks the same");
    }

    @Test
    void anEndedOperationIsNotSeenAlthoughItsSlotKeepsTheSubject() {
        stack.push(OperationStack.FILE_OPERATION, fileA, 7);
        stack.pop();
        assertSame(fileA, stack.subject(0), "kept: clearing would cost a barrier per operation");
        assertEquals(List.of(), scanAndMark());
        assertEquals(-1, stack.innermost(OperationStack.FILE_OPERATION));
    }

    @Test
    void operationsDeeperThanTheCapacityAreCountedNotRecorded() {
        for (int i = 0; i < OperationStack.CAPACITY + 3; i++) {
            stack.push(OperationStack.FILE_OPERATION, i % 2 == 0 ? fileA : fileB, i);
        }
        assertEquals(OperationStack.CAPACITY, scanAndMark().size());
        for (int i = 0; i < 3; i++) {
            stack.pop(); // the unrecorded ones
        }
        assertEquals(OperationStack.CAPACITY - 1, stack.innermost(OperationStack.FILE_OPERATION));
        stack.pop();
        assertEquals(OperationStack.CAPACITY - 2, stack.innermost(OperationStack.FILE_OPERATION));
    }

    @Test
    void aScannerRacingWithTheOwnerSeesOnlyWholeOperations() throws Exception {
        // The owner alternates two files on one slot, each with its own site; a scanner must never
        // see one file with the other's site.
        Thread owner = new Thread(() -> {
            for (int i = 0; i < 2_000_000; i++) {
                boolean a = (i & 1) == 0;
                stack.push(OperationStack.FILE_OPERATION, a ? fileA : fileB, a ? 1 : 2);
                stack.pop();
            }
        });
        owner.start();
        List<String> torn = new ArrayList<>();
        while (owner.isAlive()) {
            stack.scan((type, subject, site) -> {
                if ((subject == fileA) != (site == 1)) {
                    torn.add(subject + " with site " + site);
                }
                return false;
            });
        }
        owner.join();
        assertEquals(List.of(), torn);
    }
}
