package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devmsan.runtime.Violation;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Where checks go: the entry check reports the method's first line; checks of this are not repeated needlessly. */
class CheckPlacementTest extends RewriteTestBase {

    private static Map<String, Integer> checksPerMethod(byte[] classFile) {
        Map<String, Integer> counts = new HashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                counts.put(name, 0);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (owner.equals(Names.RUNTIME) && method.equals(Names.CHECK_OWNED)) {
                            counts.merge(name, 1, Integer::sum);
                        }
                    }
                };
            }
        }, 0);
        return counts;
    }

    private static byte[] rewritten(String simpleName) throws Exception {
        String name = "io/devmsan/fixtures/" + simpleName;
        try (InputStream in = CheckPlacementTest.class.getResourceAsStream("/" + name + ".class")) {
            return new DevmsanTransformer(AgentOptions.DEFAULTS, new AgentLog(false), "test")
                    .rewrite(new RewritingLoader(), name, in.readAllBytes());
        }
    }

    @Test
    void readsOfThisInOneBasicBlockShareTheEntryCheck() throws Exception {
        assertEquals(1, checksPerMethod(rewritten("OwnedContext")).get("sumOfThree"));
    }

    @Test
    void aCallBetweenTwoReadsOfThisMeansAFreshCheckAfterIt() throws Exception {
        // entry, then the read after helper(): the first read is covered by the entry check
        assertEquals(2, checksPerMethod(rewritten("OwnedContext")).get("readCallRead"));
    }

    @Test
    void constructorsNeverCheckThis() throws Exception {
        assertEquals(0, checksPerMethod(rewritten("OwnedContext")).get("<init>"));
    }

    @Test
    void theEntryCheckReportsTheMethodsFirstLine() throws Throwable {
        Object device = new Object();
        Object[] made = new Object[1];
        probe(device, () -> made[0] = newFixture("OwnedContext"));
        unbind(device);
        call(made[0], "bump");
        Violation entry = violations().stream().filter(v -> v.resource().endsWith("#bump()")).findFirst()
                .orElseThrow(() -> new AssertionError("no report of the call: " + violations()));
        assertEquals(MarkedLines.lineOf("OwnedContext.java", "use-after-unbind"), entry.accessLine(), entry::toText);
    }
}
