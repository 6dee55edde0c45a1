package io.devmsan.bench.report;

import java.util.Locale;

/**
 * The workload part of the summary: the table of every variant and state, and the targets of
 * issue 5 judged on the paired rounds ({@link WorkloadRounds}). The agent's other states
 * (operations tracked, after an unbind, full provenance, the inlining diagnostic) come from one
 * JMH run and are set against the hand-written median.
 */
final class WorkloadSection {

    static final String HOW_TARGETS_ARE_JUDGED = "Intervals are [min, max] of the rounds (from 8 rounds the second "
            + "smallest and largest); each holds the median with the probability stated. A ratio target is met "
            + "(\"yes\") when the whole interval is within it and that probability is at least 90 % (five rounds or "
            + "more); \"median only\" when only the median is.";

    private static final String[] BENCHMARKS = {"ioctl", "ioctlDirect", "read", "poll", "untouched"};
    private static final double AGENT_OVER_HAND = 1.05;
    private static final double AGENT_OVER_NONE = 1.15;
    /** Five rounds or more: the interval then holds the median ratio at least 90 % of the time. */
    private static final double MIN_COVERAGE = 0.9;

    private final WorkloadRounds rounds;
    /** The other states' run, or null when it is missing. */
    private final JmhCsv states;

    WorkloadSection(WorkloadRounds rounds, JmhCsv states) {
        this.rounds = rounds;
        this.states = states;
    }

    Table table() {
        Table table = new Table("benchmark", "no agent", "hand-written", "agent", "agent, operations tracked",
                "agent, after an unbind", "agent full", "agent/hand (paired)", "agent/no agent (paired)",
                "tracked/hand", "after unbind/hand", "full/no agent", "B/op none/hand/agent/tracked/after unbind/full",
                "diagnostic: agent, InlineSmallCode=10000");
        for (String bench : BENCHMARKS) {
            WorkloadRounds.Spread none = rounds.score("NoAgent." + bench);
            WorkloadRounds.Spread hand = rounds.score("HandChecked." + bench);
            Measure tracked = state("AgentTracked." + bench);
            Measure afterUnbind = state("AgentAfterUnbind." + bench);
            Measure full = state("AgentFull." + bench);
            table.row(bench, cell(none), cell(hand), cell(rounds.score("Agent." + bench)), cell(tracked),
                    cell(afterUnbind), cell(full), cell(rounds.ratio("Agent." + bench, "HandChecked." + bench)),
                    cell(rounds.ratio("Agent." + bench, "NoAgent." + bench)), ratio(tracked, hand),
                    ratio(afterUnbind, hand), ratio(full, none),
                    String.join(" / ", roundsAlloc("NoAgent." + bench), roundsAlloc("HandChecked." + bench),
                            roundsAlloc("Agent." + bench), stateAlloc("AgentTracked." + bench),
                            stateAlloc("AgentAfterUnbind." + bench), stateAlloc("AgentFull." + bench)),
                    cell(state("AgentInlineLimit." + bench)));
        }
        return table;
    }

    Table targets() {
        Table targets = new Table("target", "benchmark", "measured", "met?");
        for (String bench : BENCHMARKS) {
            WorkloadRounds.Spread agentOverHand = rounds.ratio("Agent." + bench, "HandChecked." + bench);
            WorkloadRounds.Spread agentOverNone = rounds.ratio("Agent." + bench, "NoAgent." + bench);
            WorkloadRounds.Spread hand = rounds.score("HandChecked." + bench);
            if (agentOverHand != null && !bench.equals("untouched")) {
                targets.row("agent/hand ≤ " + AGENT_OVER_HAND, bench, interval(agentOverHand),
                        verdict(agentOverHand, AGENT_OVER_HAND));
            }
            // The same default options in the states a test suite reaches: operations tracked once a
            // second thread used the driver; every check loading its token while a dead one is reachable.
            stateRow(targets, "agent (operations tracked)/hand ≤ ", bench, state("AgentTracked." + bench), hand);
            stateRow(targets, "agent (after an unbind)/hand ≤ ", bench, state("AgentAfterUnbind." + bench), hand);
            if (agentOverNone != null) {
                if (bench.equals("untouched")) {
                    // Nothing to rewrite here: met when the interval reaches 1, i.e. no cost is shown.
                    targets.row("agent/no agent: no visible cost", bench, interval(agentOverNone),
                            Summary.verdict(agentOverNone.low() <= 1.0));
                } else {
                    targets.row("agent/no agent ≤ " + AGENT_OVER_NONE, bench, interval(agentOverNone),
                            verdict(agentOverNone, AGENT_OVER_NONE));
                }
            }
            Double agentAlloc = rounds.worst("Agent." + bench + ":gc.alloc.rate.norm");
            Double noneAlloc = rounds.worst("NoAgent." + bench + ":gc.alloc.rate.norm");
            if (agentAlloc != null && noneAlloc != null) {
                double extra = agentAlloc - noneAlloc;
                targets.row("0 B/op beyond no agent", bench, String.format(Locale.ROOT, "%+.3f B/op", extra),
                        Summary.verdict(extra < 1.0));
            }
        }
        return targets;
    }

    private static void stateRow(Table targets, String target, String bench, Measure state, WorkloadRounds.Spread hand) {
        if (state != null && hand != null) {
            Measure ratio = state.over(hand.asMeasure());
            targets.row(target + AGENT_OVER_HAND, bench, ratio.format(3), Summary.verdict(ratio.value <= AGENT_OVER_HAND));
        }
    }

    /** "yes" needs the whole interval under the target and enough rounds for it to mean something. */
    private static String verdict(WorkloadRounds.Spread ratio, double target) {
        if (ratio.median() > target) {
            return "NO";
        }
        return ratio.high() <= target && ratio.coverage() >= MIN_COVERAGE ? "yes" : "median only";
    }

    private static String interval(WorkloadRounds.Spread ratio) {
        return ratio.format(3) + String.format(Locale.ROOT, " (%d rounds, %.1f%%)", ratio.n(), ratio.coverage() * 100);
    }

    private Measure state(String bench) {
        return states == null ? null : states.get(bench);
    }

    private String stateAlloc(String bench) {
        Measure norm = state(bench + ":gc.alloc.rate.norm");
        return norm == null ? "-" : String.format(Locale.ROOT, "%.1f", norm.value);
    }

    private String roundsAlloc(String bench) {
        Double norm = rounds.worst(bench + ":gc.alloc.rate.norm");
        return norm == null ? "-" : String.format(Locale.ROOT, "%.1f", norm);
    }

    private static String cell(Measure measure) {
        return measure == null ? "-" : measure.format(2);
    }

    private static String cell(WorkloadRounds.Spread spread) {
        return spread == null ? "-" : spread.format(2);
    }

    /** A state over a median of the rounds, whose error is its larger distance to an end of its interval. */
    private static String ratio(Measure state, WorkloadRounds.Spread baseline) {
        return state == null || baseline == null ? "-" : state.over(baseline.asMeasure()).format(2);
    }
}
