package io.devmsan.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Finds the line a {@code // devmsan: expect <rule>} marker sits on in a fixture's source. */
final class MarkedLines {

    private static final Path FIXTURES = Paths.get("src", "test", "java", "io", "devmsan", "fixtures");

    private MarkedLines() {
    }

    static int lineOf(String file, String rule) {
        try {
            List<String> lines = Files.readAllLines(FIXTURES.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("// devmsan: expect " + rule)) {
                    return i + 1;
                }
            }
            throw new AssertionError("no marker '// devmsan: expect " + rule + "' in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
