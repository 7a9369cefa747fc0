package io.swarmplay.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of a file that was loaded, kept so diagnostics can quote the offending line.
 *
 * @param path  the file as the user named it (not made absolute, so messages show it as typed)
 * @param text  the whole text
 * @param lines the text split into lines, without line terminators
 */
public record SourceFile(Path path, String text, List<String> lines) {

    public SourceFile {
        lines = List.copyOf(lines);
    }

    /** A source file holding {@code text}. */
    public static SourceFile of(Path path, String text) {
        return new SourceFile(path, text, text.lines().toList());
    }

    /** Reads {@code path} as UTF-8. */
    public static SourceFile read(Path path) throws IOException {
        return of(path, Files.readString(path, StandardCharsets.UTF_8));
    }

    /** Line {@code n} (1-based), or null when the file has no such line. */
    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
    }
}
