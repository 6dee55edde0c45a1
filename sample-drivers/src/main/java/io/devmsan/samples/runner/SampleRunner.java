package io.devmsan.samples.runner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plays the registered scenarios under the agent and checks every verdict.
 *
 * <pre>
 * java -javaagent:agent/target/devmsan-agent.jar -jar sample-drivers/target/devmsan-sample-drivers.jar [--json] [id...]
 * java -jar sample-drivers/target/devmsan-sample-drivers.jar --list
 * java [-javaagent:...] -jar sample-drivers/target/devmsan-sample-drivers.jar --play [id...]
 * </pre>
 *
 * <p>Exit status: 0 when every observed verdict is the expected one, 1 otherwise, 2 on a bad
 * argument or when the agent is not attached.
 *
 * <p>{@code --play} plays the stories once and judges nothing, with or without the agent, so that
 * the two runs do the same work: scripts/bench-startup.sh times it to measure what the agent costs
 * the sample drivers. Explored scenarios are left out, since their story is the agent's explorer.
 * It exits 0 unless a story threw.
 */
public final class SampleRunner {

    static final int EXIT_OK = 0;
    static final int EXIT_MISMATCH = 1;
    static final int EXIT_USAGE = 2;

    private SampleRunner() {
    }

    /** Runs and exits with the status described above. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, new AgentObserver()));
    }

    /** Everything {@link #main} does except exiting: returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, Observer observer) {
        boolean list = false;
        boolean json = false;
        boolean play = false;
        Set<Scenario> chosen = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.equals("--list")) {
                list = true;
            } else if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--play")) {
                play = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println("usage: java -javaagent:<devmsan-agent.jar> -jar devmsan-sample-drivers.jar"
                        + " [--list | --play] [--json] [scenario id...]; ids: " + String.join(", ", Scenarios.ids()));
                return EXIT_OK;
            } else {
                Scenario scenario = arg.startsWith("-") ? null : Scenarios.find(arg);
                if (scenario == null) {
                    err.println("sample-runner: unknown " + (arg.startsWith("-") ? "option" : "scenario")
                            + " '" + arg + "'; accepted: --list, --play, --json, --help, or scenario ids "
                            + String.join(", ", Scenarios.ids()));
                    return EXIT_USAGE;
                }
                chosen.add(scenario);
            }
        }
        List<Scenario> scenarios = chosen.isEmpty() ? Scenarios.all() : new ArrayList<>(chosen);
        if (list) {
            for (Scenario scenario : scenarios) {
                out.println(scenario.id());
            }
            return EXIT_OK;
        }
        if (play) {
            return play(scenarios, out, err);
        }
        String unavailable = observer.unavailable();
        if (unavailable != null) {
            err.println("sample-runner: " + unavailable);
            return EXIT_USAGE;
        }
        List<Outcome> outcomes = new ArrayList<>(scenarios.size());
        for (Scenario scenario : scenarios) {
            outcomes.add(observer.observe(scenario));
        }
        out.print(json ? Report.json(outcomes) : Report.table(outcomes));
        out.flush();
        return outcomes.stream().allMatch(Outcome::ok) ? EXIT_OK : EXIT_MISMATCH;
    }

    /** {@code --play}: each story that is not an exploration, once, nothing judged. */
    private static int play(List<Scenario> scenarios, PrintStream out, PrintStream err) {
        int played = 0;
        int explored = 0;
        int threw = 0;
        for (Scenario scenario : scenarios) {
            if (scenario.explores()) {
                explored++;
                continue;
            }
            played++;
            try {
                scenario.story().run();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Exception | Error e) {
                threw++;
                err.println("sample-runner: the story of " + scenario.id() + " threw " + e);
            }
        }
        out.println("stories played: " + played + ", threw: " + threw + "; explored scenarios left out: " + explored
                + " (their story is the agent's explorer)");
        out.flush();
        return threw == 0 ? EXIT_OK : EXIT_MISMATCH;
    }
}
