package io.devmsan.kernel.core;

/**
 * A loadable module's entry points as the loader calls them: its init when the image has been
 * mapped, and its fini when someone asks to unload it (the {@code modcmd} of a NetBSD module, the
 * system seed 002 is about). Unlike a Linux {@code module_exit}, the fini may refuse.
 */
public interface ModuleCode {

    /**
     * Runs once the image is mapped: defines the module's static data with
     * {@link ModuleImage#define} and {@link ModuleImage#defineMutex}, registers its drivers.
     *
     * @return 0, or a negative errno to abort the load (the image is unmapped again)
     */
    int init(ModuleImage image);

    /**
     * Asked to unload: the module decides whether it can go. When it returns 0 the loader unmaps
     * the image at once, whatever threads are still inside it.
     *
     * @return 0 to let the image be unmapped, or a negative errno (such as {@code -EBUSY}) to refuse
     */
    int fini(ModuleImage image);
}
