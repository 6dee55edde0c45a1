package io.devmsan.explore;

/**
 * The parameter of an {@link ExploreUnbind} test: the test hands it its explorer, which runs once
 * the test method has returned.
 */
public final class UnbindExploration {

    private UnbindExplorer<?> explorer;

    UnbindExploration() {
    }

    /**
     * Sets the explorer to run after the test method; the annotation's budgets and replay id
     * override the explorer's.
     *
     * @throws IllegalStateException when called twice in one test
     */
    public void explore(UnbindExplorer<?> explorer) {
        if (explorer == null) {
            throw new IllegalArgumentException("explore: explorer is null; expected UnbindExplorer.of(...).withAction(...)");
        }
        if (this.explorer != null) {
            throw new IllegalStateException("explore was called twice in one @ExploreUnbind test; one explorer per test");
        }
        this.explorer = explorer;
    }

    UnbindExplorer<?> explorer() {
        return explorer;
    }
}
