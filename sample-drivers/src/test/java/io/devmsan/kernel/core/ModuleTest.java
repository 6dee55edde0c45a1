package io.devmsan.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleTest {

    /** A driver in a module whose character device pins the module while a file is open. */
    private static final class ModuleDriver implements Driver {
        final Module module;
        final List<String> log = new ArrayList<>();
        Cdev cdev;

        ModuleDriver(Module module) {
            this.module = module;
        }

        @Override
        public String name() {
            return "moddrv";
        }

        @Override
        public Module owner() {
            return module;
        }

        @Override
        public int probe(Device dev) {
            cdev = new Cdev(new FileOperations() {
                @Override
                public Module owner() {
                    return module;
                }
            }, this);
            return cdev.add(dev, null);
        }

        @Override
        public void remove(Device dev) {
            log.add("remove");
            cdev.del();
        }
    }

    @Test
    void aModuleReferenceDoesNotPreventUnbind() {
        Module module = new Module("moddrv");
        ModuleDriver drv = new ModuleDriver(module);
        Bus bus = new Bus("platform");
        bus.registerDriver(drv);
        module.onExit(() -> bus.unregisterDriver(drv));
        Device dev = new Device("moddrv.0");
        bus.addDevice(dev);
        File file = drv.cdev.open();
        assertEquals(1, module.refcount(), "the open file pins the module");
        assertEquals(-Errno.EWOULDBLOCK, module.unload());

        assertEquals(0, bus.unbind(dev), "but not the device");

        assertEquals(List.of("remove"), drv.log);
        assertEquals(Module.State.LIVE, module.state());
        file.close();
        assertEquals(0, module.refcount());
        assertEquals(0, module.unload());
        assertEquals(Module.State.UNLOADED, module.state());
    }

    @Test
    void unloadRunsTheExitStepsInReverseAndUnbindsTheDriversDevices() {
        Module module = new Module("moddrv");
        ModuleDriver drv = new ModuleDriver(module);
        Bus bus = new Bus("platform");
        List<String> steps = new ArrayList<>();
        bus.registerDriver(drv);
        module.onExit(() -> steps.add("first registered"));
        module.onExit(() -> bus.unregisterDriver(drv));
        module.onExit(() -> steps.add("last registered"));
        Device dev = new Device("moddrv.0");
        bus.addDevice(dev);

        assertEquals(0, module.unload());

        assertEquals(List.of("last registered", "first registered"), steps);
        assertEquals(List.of("remove"), drv.log);
        assertEquals(null, dev.driver());
        assertEquals(-Errno.ENOENT, module.unload());
    }

    @Test
    void noNewReferencesOnceUnloadHasStarted() {
        Module module = new Module("m");
        List<Boolean> getsDuringExit = new ArrayList<>();
        module.onExit(() -> getsDuringExit.add(module.tryGet()));
        assertTrue(module.tryGet());
        module.put();

        assertEquals(0, module.unload());

        assertEquals(List.of(false), getsDuringExit);
        assertFalse(module.tryGet());
    }

    @Test
    void opensFailWithEnxioWhileTheOwnerModuleIsGoing() {
        Module module = new Module("m");
        Cdev cdev = new Cdev(new FileOperations() {
            @Override
            public Module owner() {
                return module;
            }
        }, null);
        cdev.add(new Device("host"), null);
        List<Integer> errnos = new ArrayList<>();
        module.onExit(() -> {
            try {
                cdev.open();
            } catch (ErrnoException e) {
                errnos.add(e.errno());
            }
        });

        assertEquals(0, module.unload());

        assertEquals(List.of(-Errno.ENXIO), errnos);
        cdev.del();
    }

    @Test
    void aPutBelowZeroIsAnUnderflow() {
        Module module = new Module("m");
        assertTrue(module.tryGet());
        module.put();
        module.put(); // drops the base reference: like module_put, the model only sees going below zero
        assertThrows(IllegalStateException.class, module::put);
    }
}
