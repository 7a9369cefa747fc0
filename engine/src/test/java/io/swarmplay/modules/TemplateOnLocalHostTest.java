package io.swarmplay.modules;

import io.swarmplay.module.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code template} on the local host as Ansible 2.14's template action and copy module report it. */
class TemplateOnLocalHostTest {

    @TempDir
    Path dir;

    private Outcome run(Object... keyValues) {
        return LocalModules.run("template", LocalModules.args(keyValues), dir);
    }

    private void template(String name, String content) throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates").resolve(name), content);
    }

    @Test
    void writtenContentNamesTheUploadedSourceAsSrc() throws Exception {
        template("foo.j2", "hello\n");
        Outcome done = run("src", "foo.j2", "dest", dir.resolve("out.txt").toString());
        assertTrue(done.isChanged());
        Map<String, Object> data = done.data();
        assertTrue(String.valueOf(data.get("src")).matches("~/\\.ansible/tmp/ansible-tmp-[0-9.]+-[0-9]+-[0-9]+/source"),
                String.valueOf(data));
        for (String key : new String[] {"dest", "checksum", "md5sum", "size", "state", "uid", "gid", "owner", "group", "mode"}) {
            assertTrue(data.containsKey(key), key + " in " + data);
        }
    }

    @Test
    void aDirectoryDestReceivesTheFileUnderTheTemplatesName() throws Exception {
        template("foo.j2", "hello\n");
        Files.createDirectories(dir.resolve("out"));
        assertTrue(run("src", "foo.j2", "dest", dir.resolve("out") + "/").isChanged());
        assertTrue(run("src", "foo.j2", "dest", dir.resolve("out").toString()).isChanged() == false);
        assertEquals("hello\n", Files.readString(dir.resolve("out/foo.j2")));
    }

    @Test
    void followWritesThroughASymlinkAndKeepsTheLink() throws Exception {
        template("foo.j2", "hello\n");
        Path target = dir.resolve("real.txt");
        Files.writeString(target, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
        assertTrue(run("src", "foo.j2", "dest", link.toString(), "follow", true).isChanged());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("hello\n", Files.readString(target));
        assertFalse(run("src", "foo.j2", "dest", link.toString(), "follow", true).isChanged());
    }

    @Test
    void aJinja2HeaderLineSetsTheTemplatesOwnDelimitersAndIsDropped() throws Exception {
        template("over.j2", "#jinja2:variable_start_string:'<<' , variable_end_string:'>>'\nvar_a: << 'x' ~ 'y' >>\nvar_b: {{ a }}\n");
        assertTrue(run("src", "over.j2", "dest", dir.resolve("over.txt").toString()).isChanged());
        assertEquals("var_a: xy\nvar_b: {{ a }}\n", Files.readString(dir.resolve("over.txt")));
    }

    @Test
    void trailingNewlinesOfTheSourceAreGivenBackAfterTrimBlocksAteThem() throws Exception {
        template("loop.j2", "{% for i in [1] %}\n  {{ i }}\n  {% endfor %}\n");
        run("src", "loop.j2", "dest", dir.resolve("loop.txt").toString());
        assertEquals("  1\n  \n", Files.readString(dir.resolve("loop.txt")));
        template("value.j2", "{{ 'a\\n' }}\n");
        run("src", "value.j2", "dest", dir.resolve("value.txt").toString());
        assertEquals("a\n", Files.readString(dir.resolve("value.txt")));
    }

    @Test
    void modePreserveTakesTheTemplateFilesMode() throws Exception {
        template("odd.j2", "x\n");
        Files.setPosixFilePermissions(dir.resolve("templates/odd.j2"), java.nio.file.attribute.PosixFilePermissions.fromString("r-xr--rwx"));
        Outcome done = run("src", "odd.j2", "dest", dir.resolve("odd.txt").toString(), "mode", "preserve");
        assertEquals("0547", done.data().get("mode"));
        assertEquals("r-xr--rwx", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("odd.txt"))));
    }
}
