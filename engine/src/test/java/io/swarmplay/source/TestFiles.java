package io.swarmplay.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: write inline YAML into a temp dir and render diagnostics with paths relative to it. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Writes {@code text} to {@code dir/name} (creating parent directories) and returns the path. */
    public static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every diagnostic rendered, with {@code dir/} removed from paths so goldens are stable. */
    public static String render(Diagnostics diagnostics, Path dir) {
        return DiagnosticRenderer.of(diagnostics).renderAll(diagnostics.all()).replace(dir + "/", "");
    }
}
