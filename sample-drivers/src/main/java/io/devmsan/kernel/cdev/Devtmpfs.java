package io.devmsan.kernel.cdev;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /dev}: the nodes of added character devices, by path. A node appears when its character
 * device is added with a device and disappears when it is deleted.
 */
public final class Devtmpfs {

    private static final Map<String, Cdev> NODES = new TreeMap<>();

    private Devtmpfs() {
    }

    /** The path of the node named {@code name}: {@code "/dev/" + name}. */
    public static String path(String name) {
        return "/dev/" + name;
    }

    /**
     * Looks up a node: the character device behind {@code path} (an inode that user space may open
     * later, even after the device is deleted).
     *
     * @throws ErrnoException with {@code -ENOENT} when there is no such node
     */
    public static Cdev lookup(String path) {
        synchronized (NODES) {
            Cdev cdev = NODES.get(path);
            if (cdev == null) {
                throw new ErrnoException(-Errno.ENOENT, "lookup " + path);
            }
            return cdev;
        }
    }

    /**
     * {@code open(path)}: looks the node up and opens it.
     *
     * @throws ErrnoException with {@code -ENOENT} when there is no such node, or the error of
     *     {@link Cdev#open()}
     */
    public static File open(String path) {
        return lookup(path).open();
    }

    /** The paths of every node, sorted. */
    public static List<String> list() {
        synchronized (NODES) {
            return List.copyOf(NODES.keySet());
        }
    }

    /** Creates a node; false when the path is taken. */
    static boolean publish(String path, Cdev cdev) {
        synchronized (NODES) {
            return NODES.putIfAbsent(path, cdev) == null;
        }
    }

    /** Removes a node if it still belongs to {@code cdev}. */
    static void unpublish(String path, Cdev cdev) {
        synchronized (NODES) {
            NODES.remove(path, cdev);
        }
    }
}
