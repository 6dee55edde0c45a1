package io.devmsan.samples.ibdetach;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;

/**
 * {@code /dev/uverbsN}'s file operations. Every one that reaches the hardware enters the SRCU read
 * section, reads the hardware pointer and fails with {@code -EIO} when unregister cleared it.
 * ioctl creates, rings and destroys queue pairs; write rings the doorbell of the queue pair named by
 * its first byte; read returns how many queue pairs the file owns; poll reports an error once
 * detached.
 */
final class UverbsFileOps implements FileOperations {

    static final UverbsFileOps INSTANCE = new UverbsFileOps();

    /** Creates a queue pair: returns its number. */
    static final int IOC_CREATE_QP = 0x1b01;
    /** Destroys the queue pair numbered {@code arg}. */
    static final int IOC_DESTROY_QP = 0x1b02;
    /** Rings the queue pair numbered {@code arg}. */
    static final int IOC_RING = 0x1b03;

    private UverbsFileOps() {
    }

    @Override
    public int open(File file) {
        UverbsDevice uverbs = file.cdev().container(UverbsDevice.class);
        int idx = uverbs.disassociateSrcu.readLock();
        try {
            if (uverbs.ibDev == null) {
                return -Errno.EIO;
            }
            UverbsFile ufile = new UverbsFile(uverbs);
            uverbs.listsMutex.lock();
            try {
                uverbs.files.add(ufile);
            } finally {
                uverbs.listsMutex.unlock();
            }
            file.setPrivateData(ufile);
            return 0;
        } finally {
            uverbs.disassociateSrcu.readUnlock(idx);
        }
    }

    @Override
    public long ioctl(File file, int cmd, long arg) {
        UverbsFile ufile = file.privateData(UverbsFile.class);
        UverbsDevice uverbs = ufile.device;
        int idx = uverbs.disassociateSrcu.readLock();
        try {
            IbHwContext hw = uverbs.ibDev;
            if (hw == null) {
                return -Errno.EIO;
            }
            ufile.mutex.lock();
            try {
                switch (cmd) {
                    case IOC_CREATE_QP: {
                        int qpn = hw.createQp();
                        if (qpn < 0) {
                            return -Errno.ENOMEM;
                        }
                        ufile.qps.add(qpn);
                        return qpn;
                    }
                    case IOC_DESTROY_QP:
                        if (!ufile.qps.remove(Integer.valueOf((int) arg))) {
                            return -Errno.EINVAL;
                        }
                        hw.destroyQp((int) arg);
                        return 0;
                    case IOC_RING:
                        return ufile.qps.contains((int) arg) && hw.ring((int) arg) ? 0 : -Errno.EINVAL;
                    default:
                        return -Errno.ENOTTY;
                }
            } finally {
                ufile.mutex.unlock();
            }
        } finally {
            uverbs.disassociateSrcu.readUnlock(idx);
        }
    }

    @Override
    public long write(File file, byte[] buf, int count) {
        if (count < 1) {
            return -Errno.EINVAL;
        }
        long rung = ioctl(file, IOC_RING, buf[0] & 0xff);
        return rung < 0 ? rung : count;
    }

    @Override
    public long read(File file, byte[] buf, int count) {
        UverbsFile ufile = file.privateData(UverbsFile.class);
        UverbsDevice uverbs = ufile.device;
        int idx = uverbs.disassociateSrcu.readLock();
        try {
            if (uverbs.ibDev == null) {
                return -Errno.EIO;
            }
            ufile.mutex.lock();
            try {
                if (count < 1) {
                    return 0;
                }
                buf[0] = (byte) ufile.qps.size();
                return 1;
            } finally {
                ufile.mutex.unlock();
            }
        } finally {
            uverbs.disassociateSrcu.readUnlock(idx);
        }
    }

    @Override
    public int poll(File file) {
        UverbsDevice uverbs = file.privateData(UverbsFile.class).device;
        int idx = uverbs.disassociateSrcu.readLock();
        try {
            return uverbs.ibDev == null ? EPOLLERR : EPOLLOUT | EPOLLWRNORM;
        } finally {
            uverbs.disassociateSrcu.readUnlock(idx);
        }
    }

    @Override
    public int release(File file) {
        UverbsFile ufile = file.privateData(UverbsFile.class);
        UverbsDevice uverbs = ufile.device;
        int idx = uverbs.disassociateSrcu.readLock();
        try {
            IbHwContext hw = uverbs.ibDev;
            if (hw != null) {
                ufile.destroyHw(hw);
            }
            // Else unregister disassociated this file, or is about to: the hardware is not ours any more.
        } finally {
            uverbs.disassociateSrcu.readUnlock(idx);
        }
        uverbs.listsMutex.lock();
        try {
            uverbs.files.remove(ufile);
        } finally {
            uverbs.listsMutex.unlock();
        }
        file.setPrivateData(null);
        return 0;
    }
}
