package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A variable read through hostvars whose own template fails: the failure is that render's own message. */
class HostVarsRenderErrorTest {

    @TempDir
    Path dir;

    @Test
    void theFailureNamesTheUndefinedVariableWithoutJinjavaOrJavaNames() throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("later.yml"), "broken: \"{{ nowhere_defined }}\"\n");
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - include_vars: {file: later.yml}
                    - name: read
                      debug: {msg: "{{ hostvars[inventory_hostname].broken }}"}
                      ignore_errors: true
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.FAILED), run.events().statuses("read"), run.output());
        assertTrue(run.output().contains("'nowhere_defined' is undefined"), run.output());
        assertFalse(run.output().contains("Exception"), run.output());
        assertFalse(run.output().contains("interpret"), run.output());
    }
}
