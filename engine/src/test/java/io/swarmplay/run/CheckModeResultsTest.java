package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a task in check mode registers (Ansible: the module's check-mode result), and a module's missing required arguments. */
class CheckModeResultsTest {

    @TempDir
    Path dir;

    @Test
    void aCheckModeTaskRegistersTheModulesCheckModeResultInALoopToo() throws Exception {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - file: {path: "{{ root }}/tree/sub", state: directory}
                    - file: {path: "{{ root }}/tree/sub/f", state: touch}
                    - file: {path: "{{ item }}", state: absent}
                      check_mode: true
                      loop: ["{{ root }}/tree", "{{ root }}/tree/sub/f"]
                      register: gone
                    - name: check
                      assert:
                        that:
                          - gone is changed
                          - gone.results[0].state == 'absent'
                          - gone.results[0].diff.before.state == 'directory'
                          - (root ~ '/tree/sub') in gone.results[0].diff.before.path_content.directories
                          - (root ~ '/tree/sub/f') in gone.results[0].diff.before.path_content.files
                          - gone.results[1].diff.before.path_content is not defined
                          - gone.results[1].msg is not defined
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
        assertTrue(Files.exists(dir.resolve("h1/tree/sub/f")), "check mode removes nothing");
    }

    @Test
    void aModuleWithoutItsRequiredArgumentsFailsWithAnsiblesMessage() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - file: {state: hard}
                      register: r
                      ignore_errors: true
                    - name: check
                      assert:
                        that:
                          - r is failed
                          - r.msg == 'missing required arguments: path'
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
    }
}
