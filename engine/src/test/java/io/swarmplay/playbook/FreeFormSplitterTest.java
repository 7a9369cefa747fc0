package io.swarmplay.playbook;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FreeFormSplitterTest {

    private static final Set<String> SHELL_KEYS = Set.of("creates", "removes", "chdir", "executable");

    private static FreeFormSplitter.Parts shell(String text) {
        return FreeFormSplitter.parse(text, SHELL_KEYS::contains);
    }

    @Test
    void aLineContinuationJoinsLinesAndOtherLineBreaksStay() {
        String block = "echo this is a \\\n\"multiline echo\" \\\n\"with a new line\nin quotes\" \\\n| wc -c\necho \"second\"\n";
        assertEquals("echo this is a \"multiline echo\" \"with a new line\nin quotes\" | wc -c\necho \"second\"\n",
                shell(block).freeForm());
    }

    @Test
    void argumentLinesAreTakenOutOfABlock() {
        FreeFormSplitter.Parts parts = shell("executable=\"/bin/bash\"\ncreates=/tmp/a b.txt\necho \"test\"\n");
        assertEquals(Map.of("executable", "/bin/bash", "creates", "/tmp/a"), parts.args());
        assertEquals("b.txt\necho \"test\"\n", parts.freeForm());
    }

    @Test
    void repeatedBlanksAndIndentationInsideAHeredocAreKept() {
        assertEquals("cat <<EOF\nOne\n  Two\n    Three\nEOF\n", shell("cat <<EOF\nOne\n  Two\n    Three\nEOF\n").freeForm());
        assertEquals("ls  -l 'a  b'", shell("ls  -l chdir=/tmp 'a  b'").freeForm());
    }

    @Test
    void onlyTheModulesOwnKeysAreArgumentsOtherAssignmentsStayInTheCommand() {
        FreeFormSplitter.Parts parts = shell("env FOO=1 timeout=3 chdir='/a dir' make");
        assertEquals(Map.of("chdir", "/a dir"), parts.args());
        assertEquals("env FOO=1 timeout=3 make", parts.freeForm());
    }

    @Test
    void quotesAndTemplatesHoldTheirBlanksAndEscapedEqualsLoseTheBackslash() {
        assertEquals(List.of("echo", "{{ a | default('p q') }}", "'x  y'"), FreeFormSplitter.split("echo {{ a | default('p q') }} 'x  y'"));
        assertEquals("echo a=b", shell("echo a\\=b").freeForm());
    }

    @Test
    void noFreeFormLeftIsNull() {
        assertNull(shell("chdir=/tmp").freeForm());
    }
}
