package io.swarmplay.connection.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns a stream's frames into whole lines: docker-java's frames are not line-aligned, so bytes
 * are kept until a newline arrives (one splitter per stream, so stdout and stderr never mix
 * within a line). A trailing {@code \r} (TTY output) is dropped.
 */
final class LineSplitter {

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final Consumer<String> onLine;

    LineSplitter(Consumer<String> onLine) {
        this.onLine = onLine;
    }

    synchronized void accept(byte[] payload) {
        for (byte b : payload) {
            if (b == '\n') emit();
            else partial.write(b);
        }
    }

    /** Emits what is left without a final newline. */
    synchronized void flush() {
        if (partial.size() > 0) emit();
    }

    private void emit() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        onLine.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
