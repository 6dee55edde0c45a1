package io.devmsan.explore;

import io.devmsan.runtime.ExplorerHooks;
import io.devmsan.runtime.ExplorerHooks.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The listener of one run of the story: numbers the story thread's checkpoints, stops it at the
 * chosen one, and afterwards lets the injected action go first whenever it can (the story runs only
 * while the action is blocked or done), so that a schedule is one deterministic interleaving. Every
 * thread's steps go into the {@link Interleaving}.
 *
 * <p>Runs on whichever thread the event happens on, inside driver code; the story thread's own
 * fields are touched by that thread only.
 */
final class Session implements ExplorerHooks.Listener {

    static final String STORY = "story";

    /** A hook reached from inside our own handling (naming a file that touches owned state) is ignored. */
    private static final ThreadLocal<boolean[]> INSIDE = ThreadLocal.withInitial(() -> new boolean[1]);

    private final int stopAt;
    private final boolean recording;
    private final String actionColumn;
    final Interleaving trace = new Interleaving();

    volatile Thread story;
    volatile Thread action;
    volatile boolean storyRunning;

    // The story thread's own bookkeeping.
    private final Deque<Object> subjects = new ArrayDeque<>();
    private final Deque<String> operations = new ArrayDeque<>();
    private Object lastSubject;
    private volatile int checkpoints;
    final List<Checkpoint> recorded = new ArrayList<>();
    /**
     * Recording: checkpoints not worth a schedule because stopping there leaves the same state as
     * another one: a "before" point (access, blocking point) right after an "after" point (entry,
     * exit, fence enter or exit), and a site seen again in the same fence region (a loop).
     */
    final java.util.Set<Integer> redundant = new java.util.HashSet<>();
    private final java.util.Set<Integer> regionSites = new java.util.HashSet<>();
    private Checkpoint.Kind lastKind;

    /** Accesses that reached released state, in order (the first few): the candidates for a finding. */
    final List<DeadAccess> deadAccesses = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final int MAX_DEAD_ACCESSES = 16;
    /** Entry-point depth of the threads other than the story's (the story's is its subject stack). */
    private final java.util.Map<Thread, int[]> otherDepths = new java.util.concurrent.ConcurrentHashMap<>();
    /** Recording: the checkpoints reached before the story's own unbind or unregister, or -1. */
    volatile int horizon = -1;

    // Stopping and resuming the story thread.
    private final StoryGate gate = new StoryGate();
    volatile Checkpoint stoppedAt;
    volatile Object subjectAtStop;

    final AtomicLong events = new AtomicLong();
    final AtomicLong actionEvents = new AtomicLong();
    /** The fence method a thread entered and has not left: a blocking point it may be stuck in. */
    volatile ExplorerHooks.SiteInfo storyWaitingIn;
    volatile ExplorerHooks.SiteInfo actionWaitingIn;
    volatile String actionDevice;

    /**
     * @param stopAt the checkpoint to stop the story at, 0 for none
     * @param recording whether to describe every checkpoint (the recording run)
     * @param actionColumn the injected action's column in the table
     */
    Session(int stopAt, boolean recording, String actionColumn) {
        this.stopAt = stopAt;
        this.recording = recording;
        this.actionColumn = actionColumn;
    }

    @Override
    public void onEvent(Event event, Object subject, int site) {
        boolean[] inside = INSIDE.get();
        if (inside[0]) {
            return;
        }
        inside[0] = true;
        try {
            events.incrementAndGet();
            Thread current = Thread.currentThread();
            if (event == Event.DEAD_ACCESS) {
                onDeadAccess(current, site);
            } else if (current == story) {
                onStory(event, subject, site);
            } else if (current == action) {
                onAction(event, subject, site);
            } else if (storyRunning) {
                onOther(event, subject, site);
            }
        } finally {
            inside[0] = false;
        }
    }

    int checkpoints() {
        return checkpoints;
    }

    /** The last entry-point subject the story was in, for an injection after the story. */
    Object lastSubject() {
        return lastSubject;
    }

    private void onStory(Event event, Object subject, int site) {
        ExplorerHooks.SiteInfo info = ExplorerHooks.site(site);
        storyWaitingIn = event == Event.FENCE_ATTEMPT ? info : null;
        Checkpoint.Kind kind = null;
        boolean merged = false;
        switch (event) {
            case OPERATION_ENTER:
            case ENTRY_ENTER:
                subjects.push(subject == null ? "" : subject);
                operations.push(info.resource());
                lastSubject = subject;
                kind = Checkpoint.Kind.ENTRY;
                break;
            case OPERATION_EXIT:
            case ENTRY_EXIT:
                kind = Checkpoint.Kind.EXIT;
                break;
            case ACCESS:
                kind = Checkpoint.Kind.ACCESS;
                break;
            case FENCE_ATTEMPT:
                kind = Checkpoint.Kind.BLOCKING_POINT;
                break;
            case FENCE_ENTER:
                kind = Checkpoint.Kind.FENCE_ENTER;
                break;
            case FENCE_SYNCHRONIZE:
                // The story does not unbind (before its horizon): its synchronize is the other face
                // of a mutex's lock, reported with the enter.
                merged = true;
                break;
            case FENCE_EXIT:
                kind = Checkpoint.Kind.FENCE_EXIT;
                break;
            case UNBIND_ENTER:
            case CDEV_DEL:
                noteHorizon();
                break;
            default:
                break;
        }
        if (merged) {
            return;
        }
        boolean inside = !subjects.isEmpty() || kind == Checkpoint.Kind.EXIT;
        Interleaving.Row row = trace.add(STORY, Steps.text(event, subject, info), event == Event.ACCESS ? site : -1,
                kind == Checkpoint.Kind.ENTRY || kind == Checkpoint.Kind.EXIT || kind == null);
        String operation = operations.peek();
        Object entrySubject = subjects.isEmpty() ? lastSubject : subjects.peek();
        if (kind == Checkpoint.Kind.EXIT && !subjects.isEmpty()) {
            subjects.pop();
            operations.pop();
        }
        if (kind == null || !inside) {
            return;
        }
        int n = ++checkpoints;
        Checkpoint checkpoint = recording || n == stopAt
                ? new Checkpoint(n, kind, Steps.what(event, subject, info), Frames.here(info), operation) : null;
        if (recording) {
            recorded.add(checkpoint);
            noteRedundancy(n, kind, site);
        }
        if (n == stopAt) {
            trace.mark(row, "stopped at #" + n);
            stoppedAt = checkpoint;
            subjectAtStop = entrySubject;
            park();
        } else if (mustYield(event)) {
            park();
        }
    }

    private void noteRedundancy(int n, Checkpoint.Kind kind, int site) {
        boolean before = kind == Checkpoint.Kind.ACCESS || kind == Checkpoint.Kind.BLOCKING_POINT;
        if (before && lastKind != null && lastKind != Checkpoint.Kind.ACCESS
                && lastKind != Checkpoint.Kind.BLOCKING_POINT) {
            redundant.add(n);
        }
        if (kind == Checkpoint.Kind.ACCESS) {
            if (!regionSites.add(site)) {
                redundant.add(n);
            }
        } else {
            regionSites.clear();
        }
        lastKind = kind;
    }

    private void onDeadAccess(Thread current, int site) {
        boolean isStory = current == story;
        boolean isAction = current == action;
        if (!isStory && !isAction && !storyRunning || deadAccesses.size() >= MAX_DEAD_ACCESSES) {
            return;
        }
        int[] depth = otherDepths.get(current);
        boolean inEntry = isStory ? !subjects.isEmpty() : depth != null && depth[0] > 0;
        deadAccesses.add(new DeadAccess(trace.lastOf(current.getName()), current.getName(),
                new ArrayList<>(ExplorerHooks.stack()), isAction, inEntry, site));
    }

    /** Keeps the entry-point depth of a thread other than the story's. */
    private void trackDepth(Event event) {
        int delta = event == Event.OPERATION_ENTER || event == Event.ENTRY_ENTER ? 1
                : event == Event.OPERATION_EXIT || event == Event.ENTRY_EXIT ? -1 : 0;
        if (delta != 0) {
            otherDepths.computeIfAbsent(Thread.currentThread(), t -> new int[1])[0] += delta;
        }
    }


    private void onAction(Event event, Object subject, int site) {
        actionEvents.incrementAndGet();
        trackDepth(event);
        ExplorerHooks.SiteInfo info = ExplorerHooks.site(site);
        actionWaitingIn = event == Event.FENCE_ATTEMPT ? info : null;
        if (event == Event.UNBIND_ENTER && actionDevice == null) {
            actionDevice = ExplorerHooks.name(subject);
        }
        trace.add(actionColumn, Steps.text(event, subject, info), event == Event.ACCESS ? site : -1,
                event != Event.ACCESS);
    }

    private void onOther(Event event, Object subject, int site) {
        trackDepth(event);
        if (event == Event.UNBIND_ENTER || event == Event.CDEV_DEL) {
            noteHorizon();
        }
        if (event == Event.UNBIND_ENTER || event == Event.UNBIND_EXIT || event == Event.CDEV_DEL
                || event == Event.OPERATION_ENTER || event == Event.ENTRY_ENTER || event == Event.ACCESS) {
            trace.add(Thread.currentThread().getName(), Steps.text(event, subject, ExplorerHooks.site(site)),
                    event == Event.ACCESS ? site : -1, event != Event.ACCESS);
        }
    }

    /** The story's own unbind or unregister: checkpoints after it are not worth injecting at. */
    private void noteHorizon() {
        if (recording && horizon < 0) {
            horizon = checkpoints;
        }
    }

    /**
     * After the injection: stop again when the action moved since the story was let go (it runs
     * first), or when the story just released a fence the blocked action may be waiting for.
     */
    private boolean mustYield(Event event) {
        long snapshot = gate.actionEventsAtResume();
        if (snapshot < 0) {
            return false;
        }
        return actionEvents.get() != snapshot || event == Event.FENCE_EXIT || event == Event.FENCE_SYNCHRONIZE;
    }

    private void park() {
        gate.park();
    }

    /** How many times the story stopped so far. */
    long stops() {
        return gate.stops();
    }

    /** True while the story thread waits in the gate. */
    boolean parked() {
        return gate.parked();
    }

    /**
     * Lets the story go. {@code actionBlocked}: the action is alive but blocked, so the story must
     * stop again as soon as the action may move; false: the action is done, never stop again.
     */
    void resume(boolean actionBlocked) {
        gate.resume(actionBlocked ? actionEvents.get() : -1);
    }
}
