package io.swarmplay.template.python;

import io.swarmplay.source.TestFiles;
import io.swarmplay.template.TemplatePlugins.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where plugins are looked for, and which Python runs them. */
class PluginDirsTest {

    @TempDir
    Path dir;

    private Path real(String name) throws IOException {
        return dir.resolve(name).toRealPath();
    }

    @Test
    void adjacentFoldersComeInTheOrderOfTheirBaseDirectoriesThenTheConfiguredPathsAfterTheirSubfolders() throws IOException {
        TestFiles.write(dir, "play/filter_plugins/a.py", "");
        TestFiles.write(dir, "role/filter_plugins/b.py", "");
        TestFiles.write(dir, "role/test_plugins/t.py", "");
        TestFiles.write(dir, "conf/filter/one/deeper/c.py", "");
        TestFiles.write(dir, "conf/filter/two/d.py", "");
        PluginDirs dirs = PluginDirs.of(List.of(dir.resolve("play"), dir.resolve("role"), dir.resolve("play"), dir.resolve("nothing")),
                Map.of(Kind.FILTER, List.of(dir.resolve("conf/filter"), dir.resolve("conf/missing"))));
        assertEquals(List.of(real("play/filter_plugins"), real("role/filter_plugins"), real("conf/filter/one"),
                real("conf/filter/two"), real("conf/filter/one/deeper"), real("conf/filter")), dirs.of(Kind.FILTER));
        assertEquals(List.of(real("role/test_plugins")), dirs.of(Kind.TEST));
        assertEquals(5, dirs.files().size(), dirs.files().toString());
    }

    @Test
    void theInterpreterIsSwarmplayPythonElseAnsiblePlaybooksElsePython3OnThePath() throws IOException {
        Path python = executable("bin/python3.99", "#!/bin/sh\n");
        Path other = executable("other/python3", "#!/bin/sh\n");
        executable("bin/ansible-playbook", "#! " + python + " -s\n");
        String path = dir.resolve("bin") + ":" + dir.resolve("other");
        assertEquals(python, PythonInterpreter.find(Map.of("PATH", path)).orElseThrow());
        assertEquals(other, PythonInterpreter.find(Map.of("PATH", path, "SWARMPLAY_PYTHON", other.toString())).orElseThrow());
        executable("bin/ansible-playbook", "#!/usr/bin/env python3\n");
        assertEquals(other, PythonInterpreter.find(Map.of("PATH", path)).orElseThrow(), "env python3: the PATH's");
        assertEquals(java.util.Optional.empty(), PythonInterpreter.find(Map.of("PATH", dir.resolve("nothing").toString())));
    }

    private Path executable(String name, String text) throws IOException {
        Path file = TestFiles.write(dir, name, text);
        file.toFile().setExecutable(true);
        return file;
    }
}
