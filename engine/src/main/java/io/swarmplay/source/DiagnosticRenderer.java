package io.swarmplay.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders diagnostics as plain text (colours are the reporter's business):
 * <pre>
 * ERROR! unknown argument 'dest_path' for module 'copy'
 *   --> playbooks/site.yml:14:7
 *    |
 * 14 |       dest_path: /etc/app.conf
 *    |       ^^^^^^^^^
 *    = did you mean 'dest'?
 * </pre>
 * The headline words are Ansible's ({@code ERROR! }, {@code [WARNING]: }): users and scripts grep
 * for them. Without a known position there is no arrow and no snippet;
 * when the file cannot be read the arrow is kept and the snippet left out. The caret line
 * underlines {@link Diagnostic#width()} characters. Each rendering ends without a newline.
 */
public final class DiagnosticRenderer {

    /** Longest source line quoted whole; longer ones are cut around the caret. */
    static final int MAX_SNIPPET = 120;

    /** ansible-playbook's headline of an error ({@code ERROR! msg}) and of a warning ({@code [WARNING]: msg}). */
    public static final String ERROR = "ERROR! ";
    public static final String WARNING = "[WARNING]: ";

    private final Function<Path, Optional<SourceFile>> sources;

    /** A renderer quoting lines from {@code sources} (empty for a file it does not know). */
    public DiagnosticRenderer(Function<Path, Optional<SourceFile>> sources) {
        this.sources = sources;
    }

    /** Quotes the files {@code diagnostics} registered while loading, reading any other from disk. */
    public static DiagnosticRenderer of(Diagnostics diagnostics) {
        return new DiagnosticRenderer(path -> diagnostics.source(path).or(() -> readQuietly(path)));
    }

    /** Quotes files read from disk. */
    public static DiagnosticRenderer fromDisk() {
        return new DiagnosticRenderer(DiagnosticRenderer::readQuietly);
    }

    /** Every diagnostic, separated by blank lines, errors and warnings in the order given. */
    public String renderAll(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            if (out.length() > 0) out.append("\n\n");
            out.append(render(d));
        }
        return out.toString();
    }

    /** One diagnostic. */
    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        out.append(d.isError() ? ERROR : WARNING).append(d.summary());
        SourcePosition at = d.position();
        String gutter = " ";
        if (at != null && at.isKnown()) {
            String line = sources.apply(at.file()).map(f -> f.line(at.line())).orElse(null);
            gutter = " ".repeat(String.valueOf(at.line()).length());
            out.append('\n').append(gutter).append("--> ").append(at);
            if (line != null) appendSnippet(out, gutter, at, line, d.width());
        }
        if (d.hint() != null) out.append('\n').append(gutter).append(" = ").append(d.hint());
        return out.toString();
    }

    private static void appendSnippet(StringBuilder out, String gutter, SourcePosition at, String line, int width) {
        line = printable(line);
        int column = at.column() - 1;
        int caret = Math.max(1, width);
        if (line.length() > MAX_SNIPPET) { // a minified or hostile line: show the part around the caret
            int from = Math.max(0, Math.min(column - MAX_SNIPPET / 3, line.length() - MAX_SNIPPET));
            int to = Math.min(line.length(), from + MAX_SNIPPET);
            String prefix = from > 0 ? "..." : "";
            line = prefix + line.substring(from, to) + (to < line.length() ? "..." : "");
            column = column - from + prefix.length();
            caret = Math.min(caret, to - from);
        }
        out.append('\n').append(gutter).append(" |");
        out.append('\n').append(at.line()).append(" | ").append(line);
        out.append('\n').append(gutter).append(" | ").append(indent(line, column)).append("^".repeat(Math.max(1, caret)));
    }

    /** Control characters (but tabs) as '?': a quoted line must not drive the terminal. */
    private static String printable(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            out.append(c != '\t' && (c < 0x20 || (c >= 0x7f && c < 0xa0)) ? '?' : c);
        }
        return out.toString();
    }

    /** Blanks as wide as the first {@code n} characters of {@code line}, keeping its tabs so carets line up. */
    private static String indent(String line, int n) {
        StringBuilder blanks = new StringBuilder(n);
        for (int i = 0; i < n; i++) blanks.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        return blanks.toString();
    }

    private static Optional<SourceFile> readQuietly(Path path) {
        try {
            return Optional.of(SourceFile.read(path));
        } catch (SourceFile.Unreadable e) {
            return Optional.ofNullable(e.lossy()); // not UTF-8: quote it with the bad bytes replaced
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no snippet is better than no message
        }
    }
}
