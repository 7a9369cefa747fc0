package io.swarmplay.playbook;

import io.swarmplay.source.DiagnosticRenderer;
import io.swarmplay.source.LoadException;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VarsFileLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsAMappingOfVariables() {
        Path file = TestFiles.write(dir, "v.yml", "port: 8080\nenabled: yes\nusers: [a, b]\n");
        assertEquals(Map.of("port", 8080, "enabled", true, "users", List.of("a", "b")), VarsFileLoader.load(file));
    }

    @Test
    void emptyFileHasNoVariables() {
        assertEquals(Map.of(), VarsFileLoader.load(TestFiles.write(dir, "e.yml", "")));
    }

    @Test
    void aListIsALoadExceptionWithAPositionedDiagnostic() {
        Path file = TestFiles.write(dir, "l.yml", "- a\n- b\n");
        LoadException e = assertThrows(LoadException.class, () -> VarsFileLoader.load(file));
        assertEquals("""
                ERROR! expected a mapping for the variables in 'l.yml', found a list
                 --> l.yml:1:1
                  |
                1 | - a
                  | ^
                  = write `key: value` lines without a leading '- '""",
                DiagnosticRenderer.fromDisk().renderAll(e.diagnostics()).replace(dir + "/", ""));
    }

    @Test
    void missingFileIsALoadException() {
        LoadException e = assertThrows(LoadException.class, () -> VarsFileLoader.load(dir.resolve("none.yml")));
        assertEquals("file '" + dir.resolve("none.yml") + "' does not exist", e.getMessage());
    }
}
