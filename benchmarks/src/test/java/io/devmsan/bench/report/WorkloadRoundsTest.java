package io.devmsan.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadRoundsTest {

    private static final String HEADER = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\","
            + "\"Score Error (99.9%)\",\"Unit\"\n";

    @TempDir
    Path dir;

    @Test
    void fiveRoundsGiveMinToMaxHoldingTheMedianWithProbabilityFifteenSixteenths() {
        WorkloadRounds.Spread spread = WorkloadRounds.Spread.of(List.of(1.3, 0.9, 1.0, 1.1, 5.0));
        assertEquals(1.1, spread.median(), 1e-12);
        assertEquals(0.9, spread.low(), 1e-12);
        assertEquals(5.0, spread.high(), 1e-12);
        assertEquals(0.9375, spread.coverage(), 1e-12);
    }

    @Test
    void eightRoundsDropTheExtremesBecauseTheSecondOrderStatisticsStillCoverNinetyPercent() {
        WorkloadRounds.Spread spread = WorkloadRounds.Spread.of(List.of(9.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.1));
        assertEquals(1.0, spread.low(), 1e-12);
        assertEquals(6.0, spread.high(), 1e-12);
        assertEquals(1 - 2 * 9 / 256.0, spread.coverage(), 1e-12); // 1 - 2 P(Bin(8, 1/2) <= 1)
    }

    @Test
    void sevenRoundsKeepTheExtremesBecauseTheSecondOnesCoverOnlyEightySevenPercent() {
        assertEquals(1 - 2 * 8 / 128.0, WorkloadRounds.Spread.coverage(7, 2), 1e-12);
        WorkloadRounds.Spread spread = WorkloadRounds.Spread.of(List.of(7.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0));
        assertEquals(1.0, spread.low(), 1e-12);
        assertEquals(7.0, spread.high(), 1e-12);
    }

    @Test
    void ratiosArePairedByRoundNotTakenBetweenMedians() throws IOException {
        // The slow agent fork and the slow hand-written fork share a round: paired, it cancels.
        // Medians 7 and 6 would make 1.17; the rounds' own ratios are 1, 1 and 7/6.
        round(1, "Agent.ioctl", 10.0, "HandChecked.ioctl", 10.0);
        round(2, "Agent.ioctl", 5.0, "HandChecked.ioctl", 5.0);
        round(3, "Agent.ioctl", 7.0, "HandChecked.ioctl", 6.0);
        WorkloadRounds rounds = WorkloadRounds.read(dir);
        assertEquals(3, rounds.size());
        WorkloadRounds.Spread ratio = rounds.ratio("Agent.ioctl", "HandChecked.ioctl");
        assertEquals(1.0, ratio.median(), 1e-12);
        assertEquals(1.0, ratio.low(), 1e-12);
        assertEquals(7.0 / 6.0, ratio.high(), 1e-12);
        assertEquals(7.0, rounds.score("Agent.ioctl").median(), 1e-12);
    }

    @Test
    void aRoundMissingOneSideOfARatioIsLeftOutOfThatRatio() throws IOException {
        round(1, "Agent.ioctl", 6.0, "HandChecked.ioctl", 5.0);
        round(2, "Agent.ioctl", 6.0, "NoAgent.ioctl", 5.0);
        WorkloadRounds rounds = WorkloadRounds.read(dir);
        assertEquals(1, rounds.ratio("Agent.ioctl", "HandChecked.ioctl").n());
        assertEquals(2, rounds.score("Agent.ioctl").n());
        assertNull(rounds.score("Agent.poll"));
    }

    @Test
    void roundFilesAreReadInNumericOrderAndOtherFilesIgnored() throws IOException {
        for (int i = 1; i <= 10; i++) {
            round(i, "Agent.ioctl", i, "HandChecked.ioctl", 1.0);
        }
        Files.writeString(dir.resolve("workload-states.csv"), HEADER + line("AgentTracked.ioctl", 99.0));
        WorkloadRounds rounds = WorkloadRounds.read(dir);
        assertEquals(10, rounds.size());
        assertNull(rounds.score("AgentTracked.ioctl"));
        // 10 rounds: [x(2), x(9)] covers 1 - 2 * 11/1024 >= 0.9, [x(3), x(8)] would not.
        WorkloadRounds.Spread ratio = rounds.ratio("Agent.ioctl", "HandChecked.ioctl");
        assertEquals(2.0, ratio.low(), 1e-12);
        assertEquals(9.0, ratio.high(), 1e-12);
    }

    private void round(int number, String a, double aScore, String b, double bScore) throws IOException {
        Files.writeString(dir.resolve("workload-round-" + number + ".csv"), HEADER + line(a, aScore) + line(b, bScore));
    }

    private static String line(String bench, double score) {
        return "\"io.devmsan.bench.workload." + bench + "\",\"avgt\",1,2," + score + ",NaN,\"ns/op\"\n";
    }
}
