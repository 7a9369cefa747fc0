package io.swarmplay.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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

    /**
     * Reads {@code path} as UTF-8.
     *
     * @throws Unreadable for a directory, a file over {@link YamlLimits#MAX_BYTES} or bytes that are not UTF-8
     * @throws IOException when the file cannot be read at all (missing, no permission)
     */
    public static SourceFile read(Path path) throws IOException {
        if (Files.isDirectory(path)) throw new Unreadable("'" + path + "' is a directory, not a file", SourcePosition.UNKNOWN);
        long size = Files.size(path);
        if (size > YamlLimits.MAX_BYTES) {
            throw new Unreadable("'" + path + "' is too large to load (" + size / (1024 * 1024) + " MiB; at most "
                    + YamlLimits.MAX_BYTES / (1024 * 1024) + " MiB)", SourcePosition.UNKNOWN);
        }
        return of(path, decode(path, Files.readAllBytes(path)));
    }

    private static String decode(Path path, byte[] bytes) throws Unreadable {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            Unreadable e = new Unreadable(String.format("'%s' is not UTF-8 text: byte 0x%02X cannot start or continue a character",
                    path, bytes[offset] & 0xff), positionOf(path, bytes, offset));
            e.lossy = of(path, new String(bytes, StandardCharsets.UTF_8));
            throw e;
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The line and column (in characters, counting a broken byte as one) of byte {@code offset}. */
    private static SourcePosition positionOf(Path path, byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++; // continuation bytes belong to the character before
            }
        }
        return new SourcePosition(path, line, column);
    }

    /** A file that exists but cannot be loaded as text; {@link #at()} is where, when known. */
    public static final class Unreadable extends IOException {
        private final transient SourcePosition at;
        private transient SourceFile lossy;

        Unreadable(String message, SourcePosition at) {
            super(message);
            this.at = at;
        }

        public SourcePosition at() {
            return at;
        }

        /** The text with undecodable bytes replaced (to quote the line), or null. */
        public SourceFile lossy() {
            return lossy;
        }
    }

    /** Line {@code n} (1-based), or null when the file has no such line. */
    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
    }
}
