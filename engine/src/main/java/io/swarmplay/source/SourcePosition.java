package io.swarmplay.source;

import java.nio.file.Path;

/**
 * Where something came from: a file and a 1-based line and column, as people count them.
 * {@link #UNKNOWN} stands for values that have no file (command-line extra vars, facts).
 */
public record SourcePosition(Path file, int line, int column) {

    public static final SourcePosition UNKNOWN = new SourcePosition(null, 0, 0);

    public boolean isKnown() {
        return file != null && line > 0;
    }

    /** {@code file:line:col}, with the file relative to the working directory where possible. */
    @Override
    public String toString() {
        if (file == null) return "<command line>";
        return displayPath(file) + ":" + line + ":" + column;
    }

    /** A path as users typed it: relative to the working directory when it lies below it. */
    public static String displayPath(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : file.toString();
    }
}
