package io.swarmplay.run;

import io.swarmplay.module.Status;
import io.swarmplay.template.python.PythonInterpreter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ansible_playbook_python}: the Python Ansible would run, in every play and in hostvars. */
class PlaybookPythonTest {

    @TempDir
    Path dir;

    @Test
    void playbookPythonIsTheInterpreterThePluginBridgeFinds() {
        String expected = PythonInterpreter.find(System.getenv()).map(Path::toString).orElse("/usr/bin/python3");
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: own
                      assert: {that: "ansible_playbook_python == '%s'"}
                    - name: via hostvars
                      assert: {that: "hostvars['h1'].ansible_playbook_python == ansible_playbook_python"}
                """.formatted(expected)).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("own"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("via hostvars"), run.output());
        assertTrue(Files.isExecutable(Path.of(expected)) || expected.equals("/usr/bin/python3"), expected);
    }
}
