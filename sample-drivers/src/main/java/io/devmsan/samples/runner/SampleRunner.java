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
 * </pre>
 *
 * <p>Exit status: 0 when every observed verdict is the expected one, 1 otherwise, 2 on a bad
 * argument or when the agent is not attached.
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
        Set<Scenario> chosen = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.equals("--list")) {
                list = true;
            } else if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println("usage: java -javaagent:<devmsan-agent.jar> -jar devmsan-sample-drivers.jar"
                        + " [--list] [--json] [scenario id...]; ids: " + String.join(", ", Scenarios.ids()));
                return EXIT_OK;
            } else {
                Scenario scenario = arg.startsWith("-") ? null : Scenarios.find(arg);
                if (scenario == null) {
                    err.println("sample-runner: unknown " + (arg.startsWith("-") ? "option" : "scenario")
                            + " '" + arg + "'; accepted: --list, --json, --help, or scenario ids "
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
}
