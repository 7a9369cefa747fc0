package io.swarmplay.modules;

import io.swarmplay.module.Action;
import io.swarmplay.module.Change;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code replace} and {@code blockinfile} on real files over the local connection, as Ansible 2.14 edits them. */
class FileEditModulesOnLocalHostTest {

    @TempDir
    Path dir;

    private Change plan(String module, Map<String, Object> args) {
        return LocalModules.plan(module, args, dir);
    }

    private Outcome run(String module, Map<String, Object> args) {
        return LocalModules.run(module, args, dir);
    }

    private static Map<String, Object> args(Object... keyValues) {
        return LocalModules.args(keyValues);
    }

    private String file(String name, String content) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path.toString();
    }

    @Test
    void replaceSubstitutesPythonTemplatesOnlyBetweenAfterAndBefore() throws Exception {
        String f = file("f", "a old 1\n# start\nb old 2\nold 3\n# end\nc old\n");
        Outcome between = run("replace", args("path", f, "regexp", "old (\\d)", "replace", "new \\1\\n",
                "after", "# start", "before", "# end"));
        assertEquals("2 replacements made", between.data().get("msg"));
        Outcome named = run("replace", args("path", f, "regexp", "^(c) (?P<w>old)$", "replace", "\\g<w> \\1"));
        assertTrue(named.isChanged());
        assertEquals("a old 1\n# start\nb new 2\n\nnew 3\n\n# end\nold c\n", Files.readString(Path.of(f)));
        Outcome again = run("replace", args("path", f, "regexp", "^(c) (?P<w>old)$", "replace", "\\g<w> \\1"));
        assertFalse(again.isChanged());
        assertEquals("", again.data().get("msg"));
        assertEquals("Pattern for before/after params did not match the given file: nope(?P<subsection>.*)",
                run("replace", args("path", f, "regexp", "x", "after", "nope")).data().get("msg"));
    }

    @Test
    void replacePlansADiffAndChangesNothingInPlan() throws Exception {
        String f = file("f", "port=80\n");
        Change change = plan("replace", args("path", f, "regexp", "80", "replace", "8080"));
        assertEquals(Action.UPDATE, change.action());
        assertEquals("port=8080\n", change.diff().after());
        assertEquals("port=80\n", Files.readString(Path.of(f)));
    }

    @Test
    void replaceAndBlockinfileFailAsAnsibleOnMissingFilesAndDirectories() {
        ModuleException missing = assertThrows(ModuleException.class, () -> run("replace", args("path", dir + "/no", "regexp", "x")));
        assertEquals("Path " + dir + "/no does not exist !", missing.getMessage());
        assertEquals(257, missing.data().get("rc"));
        ModuleException isDir = assertThrows(ModuleException.class, () -> run("blockinfile", args("path", dir.toString(), "block", "x")));
        assertEquals("Path " + dir + " is a directory !", isDir.getMessage());
    }

    @Test
    void blockinfileInsertsReplacesAndRemovesTheMarkedBlock() throws Exception {
        String f = dir.resolve("g").toString();
        assertEquals("File created", run("blockinfile", args("path", f, "block", "x\ny", "create", true)).data().get("msg"));
        assertFalse(run("blockinfile", args("path", f, "block", "x\ny")).isChanged());
        run("blockinfile", args("path", f, "block", "z", "marker", "<!-- {mark} -->", "insertbefore", "BOF"));
        assertEquals("Block inserted", run("blockinfile", args("path", f, "block", "q")).data().get("msg"));
        Outcome moded = run("blockinfile", args("path", f, "block", "w", "marker", "## {mark} two", "insertafter", "^q",
                "mode", "0600"));
        assertEquals("Block inserted and ownership, perms or SE linux context changed", moded.data().get("msg"));
        assertEquals("<!-- BEGIN -->\nz\n<!-- END -->\n# BEGIN ANSIBLE MANAGED BLOCK\nq\n## BEGIN two\nw\n## END two\n"
                + "# END ANSIBLE MANAGED BLOCK\n", Files.readString(Path.of(f)));
        assertEquals("Block removed", run("blockinfile", args("path", f, "state", "absent", "marker", "<!-- {mark} -->"))
                .data().get("msg"));
        assertFalse(Files.readString(Path.of(f)).contains("<!--"));
        assertEquals("File " + dir + "/none not present",
                run("blockinfile", args("path", dir + "/none", "state", "absent", "create", true)).data().get("msg"));
    }

    @Test
    void blockinfileRefusesInsertafterWithInsertbefore() {
        assertThrows(RuntimeException.class, () -> run("blockinfile", args("path", dir + "/g", "insertafter", "a",
                "insertbefore", "b")));
    }
}
