package io.devmsan.samples.runner;

import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Observer} backed by the agent's query API. It is the only class of the runner that
 * links against {@code io.devmsan.runtime}, so that the rest loads without the agent and can say
 * that it is missing.
 */
final class AgentObserver implements Observer {

    static final String FIX =
            "java -javaagent:agent/target/devmsan-agent.jar -jar sample-drivers/target/devmsan-sample-drivers.jar";

    @Override
    public String unavailable() {
        try {
            Class.forName("io.devmsan.runtime.Devmsan");
            if (!Devmsan.isInstalled()) {
                return "devmsan agent is on the class path but not installed; run: " + FIX;
            }
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "devmsan agent not attached (io.devmsan.runtime.Devmsan cannot be loaded); run: " + FIX;
        }
    }

    @Override
    public Outcome observe(Scenario scenario) {
        Devmsan.Snapshot before = Devmsan.snapshot();
        String error = null;
        try {
            scenario.story().run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Exception | Error e) {
            error = e.toString();
        }
        List<Violation> found = Devmsan.since(before);
        List<String> texts = new ArrayList<>(found.size());
        List<String> jsons = new ArrayList<>(found.size());
        for (Violation violation : found) {
            texts.add(summary(violation));
            jsons.add(violation.toJson());
        }
        boolean hang = found.stream().anyMatch(v -> v.rule().equals("unbind-hang"));
        Verdict observed = error != null ? Verdict.ERROR
                : hang ? Verdict.HANG : found.isEmpty() ? Verdict.CLEAN : Verdict.VIOLATION;
        return new Outcome(scenario, observed, error, texts, jsons);
    }

    /**
     * Two or three lines per violation: the agent has already printed the whole KASAN-style report
     * on stderr when it happened, and writes it to the report files, so the table only points at it.
     */
    static String summary(Violation v) {
        StringBuilder out = new StringBuilder("BUG: devmsan: ").append(v.rule()).append(" in ")
                .append(v.accessClass()).append('.').append(v.accessMethod()).append('(')
                .append(v.accessFile() == null ? "unknown source" : v.accessFile() + ":" + v.accessLine())
                .append(")\n  ").append(v.accessKind()).append(" of ").append(v.resource()).append(" on device ")
                .append(v.device()).append(" by thread \"").append(v.thread()).append('"');
        Violation.FileOperation op = v.fileOperation();
        if (op != null) {
            out.append(" in file operation ").append(op.name()).append(" on ").append(op.file());
            if (op.openedBeforeUnregister()) {
                out.append(", opened before unregister");
            }
            if (op.inFlightAcrossUnbind()) {
                out.append(", in flight across the unbind");
            }
        }
        if (v.entryPoint() != null) {
            out.append(" in entry point ").append(v.entryPoint());
        }
        return out.append("\n  fingerprint ").append(v.fingerprint()).append('\n').toString();
    }
}
