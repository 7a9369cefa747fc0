package io.swarmplay.template.python;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which Python runs plugins and modules on the control node. */
class PythonInterpreterTest {

    @TempDir
    Path dir;

    private Path executable(String relative, String content) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aShellStandInForAnsiblePlaybookIsPassedOverForTheNextOneOnThePath() throws Exception {
        Path python = executable("py/python3.11", "");
        executable("stand-in/ansible-playbook", "#!/usr/bin/env bash\nexec swarmplay \"$@\"\n");
        executable("real/ansible-playbook", "#! " + python + "\n# ansible\n");
        executable("other/python3", "");
        String path = dir.resolve("stand-in") + ":" + dir.resolve("other") + ":" + dir.resolve("real");
        assertEquals(Optional.of(python), PythonInterpreter.find(Map.of("PATH", path)));
    }

    @Test
    void withoutAPythonAnsiblePlaybookItIsPython3OnThePath() throws Exception {
        executable("stand-in/ansible-playbook", "#!/bin/sh\n");
        Path python3 = executable("other/python3", "");
        String path = dir.resolve("stand-in") + ":" + dir.resolve("other");
        assertEquals(Optional.of(python3), PythonInterpreter.find(Map.of("PATH", path)));
    }
}
