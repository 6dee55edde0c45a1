package io.devmsan.kernel.devres;

/**
 * A mapped register window ({@code void __iomem *}): 32-bit registers at byte offsets.
 *
 * <p>Mapped with {@link Devm#ioremap}, the window is unmapped when devres is released. After
 * {@link #iounmap(IoMem)}, reads return all ones and writes are dropped, as with a device that is
 * gone from the bus; the kernel would fault.
 *
 * <p>The window itself is not checked by the sanitizer: what a driver keeps of it is. A driver
 * stores its {@code devm_ioremap} pointer in a {@code @DevmScoped} field, or in a
 * {@code @ScopeOwned} structure, and a use after unbind is then reported once, at the driver's line
 * that follows that pointer (as KASAN reports the driver function into which {@code readl} was
 * inlined). Were the window owned itself, each access would report once per field and helper
 * inside this class, at lines no driver author wrote.
 */
public final class IoMem {

    /** What a read of a window that is no longer mapped returns. */
    public static final int ALL_ONES = 0xffff_ffff;

    private final int[] registers;
    private volatile boolean mapped = true;

    private IoMem(int size) {
        this.registers = new int[size / 4];
    }

    /**
     * {@code ioremap}: maps a window of {@code size} bytes (a positive multiple of 4), zeroed.
     */
    public static IoMem ioremap(int size) {
        if (size <= 0 || size % 4 != 0) {
            throw new IllegalArgumentException("ioremap size must be a positive multiple of 4, got " + size);
        }
        return new IoMem(size);
    }

    /** {@code iounmap}: the window is dead once this returns. */
    public static void iounmap(IoMem io) {
        if (!io.mapped) {
            throw new IllegalStateException("iounmap of a window that is not mapped");
        }
        io.mapped = false;
    }

    /** {@code readl}: the 32-bit register at byte {@code offset}. */
    public int readl(int offset) {
        int index = index(offset);
        return mapped ? registers[index] : ALL_ONES;
    }

    /** {@code writel}: writes {@code value} to the 32-bit register at byte {@code offset}. */
    public void writel(int value, int offset) {
        int index = index(offset);
        if (mapped) {
            registers[index] = value;
        }
    }

    /** The window's size in bytes. */
    public int size() {
        return registers.length * 4;
    }

    /** True until {@link #iounmap(IoMem)}. */
    public boolean isMapped() {
        return mapped;
    }

    private int index(int offset) {
        if (offset < 0 || offset % 4 != 0 || offset / 4 >= registers.length) {
            throw new IndexOutOfBoundsException("register offset " + offset + " outside a window of "
                    + registers.length * 4 + " bytes (aligned offsets 0.." + (registers.length * 4 - 4)
                    + " accepted)");
        }
        return offset / 4;
    }
}
