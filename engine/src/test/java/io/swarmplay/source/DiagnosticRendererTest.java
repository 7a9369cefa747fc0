package io.swarmplay.source;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiagnosticRendererTest {

    private static final Path SITE = Path.of("playbooks/site.yml");
    private static final String TEXT = "- hosts: all\n".repeat(13) + "      dest_path: /etc/app.conf\n";

    private final DiagnosticRenderer renderer = new DiagnosticRenderer(
            p -> p.equals(SITE) ? Optional.of(SourceFile.of(SITE, TEXT)) : Optional.empty());

    @Test
    void rendersErrorWithSnippetCaretsAndHint() {
        Diagnostic d = Diagnostic.error("unknown argument 'dest_path' for module 'copy'", new SourcePosition(SITE, 14, 7))
                .withWidth(9).withHint("did you mean 'dest'?");
        assertEquals("""
                ERROR! unknown argument 'dest_path' for module 'copy'
                  --> playbooks/site.yml:14:7
                   |
                14 |       dest_path: /etc/app.conf
                   |       ^^^^^^^^^
                   = did you mean 'dest'?""", renderer.render(d));
    }

    @Test
    void rendersWarningWithoutHint() {
        Diagnostic d = Diagnostic.warning("'throttle' is not supported and is ignored", new SourcePosition(SITE, 1, 3));
        assertEquals("""
                [WARNING]: 'throttle' is not supported and is ignored
                 --> playbooks/site.yml:1:3
                  |
                1 | - hosts: all
                  |   ^""", renderer.render(d));
    }

    @Test
    void unknownPositionHasNoArrowAndNoSnippet() {
        Diagnostic d = Diagnostic.error("inventory source 'x' does not exist", SourcePosition.UNKNOWN)
                .withHint("pass a file");
        assertEquals("ERROR! inventory source 'x' does not exist\n  = pass a file", renderer.render(d));
    }

    @Test
    void unreadableFileKeepsTheArrowOnly() {
        Diagnostic d = Diagnostic.error("bad", new SourcePosition(Path.of("gone.yml"), 2, 1));
        assertEquals("ERROR! bad\n --> gone.yml:2:1", renderer.render(d));
    }

    @Test
    void caretsFollowTabsInTheLine() {
        DiagnosticRenderer tabs = new DiagnosticRenderer(p -> Optional.of(SourceFile.of(p, "\tkey: v\n")));
        Diagnostic d = Diagnostic.error("x", new SourcePosition(Path.of("t.yml"), 1, 2)).withWidth(3);
        assertEquals("ERROR! x\n --> t.yml:1:2\n  |\n1 | \tkey: v\n  | \t^^^", tabs.render(d));
    }

    @Test
    void rendersSeveralSeparatedByBlankLines() {
        List<Diagnostic> ds = List.of(Diagnostic.error("a", SourcePosition.UNKNOWN), Diagnostic.warning("b", SourcePosition.UNKNOWN));
        assertEquals("ERROR! a\n\n[WARNING]: b", renderer.renderAll(ds));
    }
}
