package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host's variable whose own template uses an undefined variable: read directly, the failure is that
 * render's own message; read through hostvars, it is its text as written, as ansible-playbook 2.14
 * gives it (hostvars render with {@code fail_on_undefined=False}).
 */
class HostVarsRenderErrorTest {

    @TempDir
    Path dir;

    @Test
    void readDirectlyTheFailureNamesTheUndefinedVariableWithoutJinjavaOrJavaNames() throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("later.yml"), "broken: \"{{ nowhere_defined }}\"\n");
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - include_vars: {file: later.yml}
                    - name: read
                      debug: {msg: "{{ broken }}"}
                      ignore_errors: true
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.FAILED), run.events().statuses("read"), run.output());
        assertTrue(run.output().contains("'nowhere_defined' is undefined"), run.output());
        assertFalse(run.output().contains("Exception"), run.output());
        assertFalse(run.output().contains("interpret"), run.output());
    }

    @Test
    void throughHostvarsItIsItsTextAndTheHostsOtherVariablesStillRead() throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("later.yml"), "broken: \"{{ nowhere_defined }}\"\nfine: \"{{ 'ok' }}\"\n");
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - include_vars: {file: later.yml}
                    - name: one key
                      debug: {msg: "{{ hostvars[inventory_hostname].broken | upper }}"}
                    - name: whole
                      debug: {msg: "{{ all_vars.fine }} {{ all_vars.broken }}"}
                      vars:
                        all_vars: "{{ hostvars[inventory_hostname] }}"
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals("{{ NOWHERE_DEFINED }}", run.events().outcome("one key", "h1").data().get("msg"), run.output());
        assertEquals("ok {{ nowhere_defined }}", run.events().outcome("whole", "h1").data().get("msg"), run.output());
    }

    @Test
    void aValueReadAsWrittenIsATemplateAgainOnceSetAsAFact() throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("later.yml"), "__foo: [\"foo{{ version }}\"]\n");
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {version: "1.0"}
                  tasks:
                    - include_vars: {file: later.yml}
                    - set_fact: {foo: "{{ hostvars[inventory_hostname]['__foo'] }}"}
                    - name: read
                      assert:
                        that:
                          - foo[0] == 'foo1.0'
                          - hostvars[inventory_hostname]['__foo'][0] is search('version')
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("read"), run.output());
    }
}
