package io.devmsan.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes report files atomically: into a temporary file in the same directory first, then moved
 * over the target, so that a reader (the {@code report} command, another JVM's merge, code
 * scanning) sees the old complete file or the new complete file, never a torn one, and a JVM
 * killed mid-write leaves the previous report.
 */
public final class ReportFiles {

    /**
     * Temporary names are unique per JVM (pid) and per write (counter); no SecureRandom, whose
     * security providers would cost a JVM that exits without violations ~100 ms of class loading.
     */
    private static final String JVM = Long.toHexString(ProcessHandle.current().pid()) + "-"
            + Long.toHexString(System.currentTimeMillis()); // a reused pid gets another name
    private static final AtomicLong WRITES = new AtomicLong();

    private ReportFiles() {
    }

    /**
     * Writes {@code content} as UTF-8 to {@code target}, creating its directory when missing.
     *
     * @throws IOException when the directory or the file cannot be written; no temporary file is left
     */
    public static void writeAtomically(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // The leading dot and the suffix keep temporaries out of the devmsan-*.json pattern. Not
        // createTempFile: its owner-only permissions would make reports unreadable to other users.
        Path temp = dir.resolve(".devmsan-" + JVM + "-" + WRITES.incrementAndGet() + ".tmp");
        try {
            Files.write(temp, content.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
