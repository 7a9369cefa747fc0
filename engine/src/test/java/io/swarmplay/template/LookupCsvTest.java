package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The csvfile lookup, with the values ansible-playbook 2.14 gives for the same files and calls. */
class LookupCsvTest {

    final Templar templar = Templar.create();
    final Map<String, Object> vars = new LinkedHashMap<>();
    @TempDir
    Path dir;

    private Object render(String template) throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/people.csv"), "# Last,First\nSmith,Jane,1234\n\"German von Lastname\",Demo,1\n"
                + "Example,\"crazy \"\"x\"\"\"@y,9\n\"\"\"The Rock\"\" Johnson\",Dwayne,1337\r\n");
        Files.writeString(dir.resolve("files/tabs.csv"), "fruit\tbananas\nelectronics\ttvs\n");
        vars.put("playbook_dir", dir.toString());
        return templar.render(template, vars, new SourcePosition(dir.resolve("tasks/main.yml"), 1, 1));
    }

    @Test
    void findsTheColumnOfTheFirstRowWhoseFirstFieldIsTheKey() throws Exception {
        assertEquals("Jane", render("{{ lookup('csvfile', 'Smith', file='people.csv', delimiter=',', col=1) }}"));
        assertEquals("Demo", render("{{ lookup('csvfile', 'German von Lastname file=people.csv delimiter=, col=1') }}"));
        assertEquals("Dwayne", render("{{ lookup('csvfile', '\"The Rock\" Johnson file=people.csv delimiter=, col=1') }}"));
        assertEquals("crazy \"x\"@y", render("{{ lookup('csvfile', 'Example file=people.csv delimiter=, col=1') }}"));
        assertEquals("tvs,bananas", render("{{ lookup('csvfile', 'electronics', 'fruit', file='tabs.csv', delimiter='TAB') }}"));
        assertEquals(List.of("tvs"), render("{{ lookup('csvfile', 'electronics file=tabs.csv', wantlist=True) }}"));
    }

    @Test
    void aMissingKeyGivesTheDefaultOrNothing() throws Exception {
        assertEquals(List.of(), render("{{ lookup('csvfile', 'nope file=people.csv delimiter=, col=1') }}"));
        assertEquals("what?", render("{{ lookup('csvfile', 'nope file=people.csv delimiter=, col=1 default=what?') }}"));
    }

    @Test
    void badCallsFailWithAnsiblesMessages() {
        assertTrue(assertThrows(TemplateException.class, () -> render("{{ lookup('csvfile', 'file=people.csv col=1') }}"))
                .getMessage().contains("Search key is required but was not found"));
        assertTrue(assertThrows(TemplateException.class, () -> render("{{ lookup('csvfile', 'x file=people.csv bogus=1') }}"))
                .getMessage().contains("bogus is not a valid option"));
        assertTrue(assertThrows(TemplateException.class, () -> render("{{ lookup('csvfile', 'x', file='nope.csv') }}"))
                .getMessage().contains("No such file or directory"));
    }
}
