package io.devmsan.agent;

import java.io.PrintStream;

/** The command-line tools of the agent jar. */
final class Cli {

    private Cli() {
    }

    static int run(String[] arguments, PrintStream out, PrintStream err) {
        err.println("usage: java -jar devmsan-agent.jar report <dir>... | check <dir>... (not implemented yet)");
        return 2;
    }
}
