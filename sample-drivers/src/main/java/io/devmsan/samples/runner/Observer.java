package io.devmsan.samples.runner;

/** Runs a story and asks the agent what it saw; the runner's only view of the agent. */
interface Observer {

    /** Null when the agent is attached and working, else one line saying what is wrong and how to fix it. */
    String unavailable();

    /** Plays {@code scenario}'s story and returns what the agent observed during it. */
    Outcome observe(Scenario scenario);
}
