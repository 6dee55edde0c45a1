package io.devmsan.samples.ibdetach;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.devres.IoMem;
import java.util.BitSet;

/**
 * The hardware driver's device ({@code struct mlx_ib_dev}, say), allocated with {@code devm_kzalloc}
 * and owned by its bind: the hardware objects (queue pairs, by number) live here, and every access
 * after unbind would be reported.
 */
@ScopeOwned
final class IbHwContext {

    /** Doorbell register: the number of the last queue pair rung. */
    static final int REG_DOORBELL = 0x0;
    static final int REGS_SIZE = 0x10;
    /** Queue pairs the hardware has. */
    static final int MAX_QPS = 256;

    /** The device's registers, mapped with {@code devm_ioremap}. */
    IoMem regs;
    /** The uverbs device that exposes this hardware to user space. */
    UverbsDevice uverbs;
    private final BitSet qps = new BitSet(MAX_QPS);

    /** Creates a queue pair: its number, or -1 when the hardware has none left. */
    synchronized int createQp() {
        int qpn = qps.nextClearBit(0);
        if (qpn >= MAX_QPS) {
            return -1;
        }
        qps.set(qpn);
        return qpn;
    }

    /** Destroys queue pair {@code qpn}; false when it does not exist. */
    synchronized boolean destroyQp(int qpn) {
        if (qpn < 0 || !qps.get(qpn)) {
            return false;
        }
        qps.clear(qpn);
        return true;
    }

    /** Rings the doorbell of queue pair {@code qpn}: false when it does not exist. */
    synchronized boolean ring(int qpn) {
        if (qpn < 0 || !qps.get(qpn)) {
            return false;
        }
        regs.writel(qpn, REG_DOORBELL);
        return true;
    }

    /** Queue pairs in use. */
    synchronized int qpsInUse() {
        return qps.cardinality();
    }
}
