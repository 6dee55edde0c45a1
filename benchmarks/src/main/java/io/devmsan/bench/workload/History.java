package io.devmsan.bench.workload;

/**
 * What a fork did before its measured iterations: under the agent this decides what the hooks and
 * checks cost, so each variant names the history it measures and its set-up makes it happen.
 * Every fork checks at set-up and tear-down that the agent is in the state the history implies.
 */
enum History {

    /**
     * Only the benchmark thread has used the driver and nothing has died: file operations run
     * untracked and each check is the test of one static flag.
     */
    PRISTINE(false, false),

    /**
     * A second thread opened a file: every file operation is tracked; checks as above. Also a test
     * suite's steady state after its first unbind, once the GC has collected what it freed.
     */
    SECOND_THREAD(true, false),

    /**
     * Another device of the driver was unbound while a file of it stays open, as after a
     * use-after-unbind test: a dead token is reachable, so every check loads and tests its
     * token, and the unbind began tracking every file operation. The most a check costs.
     */
    AFTER_UNBIND(true, true);

    /** Whether the agent tracks every file operation after this history. */
    final boolean tracksOperations;

    /** Whether checks take their full path (a dead token is reachable) after this history. */
    final boolean checksTokens;

    History(boolean tracksOperations, boolean checksTokens) {
        this.tracksOperations = tracksOperations;
        this.checksTokens = checksTokens;
    }

    /** Makes this history happen to {@code fixture}; returns what must stay reachable, or null. */
    Object enact(DriverFixture fixture) {
        switch (this) {
            case SECOND_THREAD:
                fixture.useFromAnotherThread();
                return null;
            case AFTER_UNBIND:
                return fixture.unbindAnotherKeepingItsFile();
            default:
                return null;
        }
    }
}
