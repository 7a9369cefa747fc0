package io.swarmplay.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@code module_defaults} on play, block, task and imported role, run on local hosts. */
class ModuleDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void innerLevelsReplaceOuterOnesPerModuleAndATasksOwnArgumentsWin() throws IOException {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  module_defaults:
                    debug: {msg: "play {{ inventory_hostname }}"}
                    file: {mode: '0600', state: touch}
                  tasks:
                    - {name: show, debug: }
                    - block:
                        - {name: show, debug: }
                        - {name: show, debug: {msg: own}}
                        - {name: show, ansible.builtin.debug: , module_defaults: {ansible.legacy.debug: {msg: task}}}
                        - file: path={{ root }}/inner
                      module_defaults:
                        ansible.builtin.debug: {msg: block}
                        ansible.builtin.file: {state: touch}
                    - file: path={{ root }}/outer
                    - import_role: {name: r}
                      module_defaults:
                        debug: {msg: role}
                """).file("roles/r/tasks/main.yml", "- {name: show, debug: }\n").run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(List.of("play h1", "block", "own", "task", "role"), run.events().finished().stream()
                .filter(e -> e.name().equals("show") || e.name().endsWith(" : show"))
                .map(e -> e.outcome().data().get("msg")).toList(), run.output());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("h1/outer"))));
        // the block's file entry replaced the play's whole: no mode, the file keeps the umask's
        assertNotEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("h1/inner"))));
    }

    @Test
    void tasksIncludedAtRunTimeGetTheDefaultsInForceWhereTheIncludeIsWritten() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  module_defaults:
                    debug: {msg: play}
                  tasks:
                    - include_tasks: "{{ 'inc.yml' }}"
                    - block:
                        - include_tasks: inc.yml
                        - include_role: {name: r}
                      module_defaults:
                        debug: {msg: block}
                """).file("inc.yml", "- {name: show, debug: }\n")
                .file("roles/r/tasks/main.yml", "- {name: show, debug: }\n- include_tasks: ../../../inc.yml\n")
                .run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(List.of("play", "block", "block", "block"), run.events().finished().stream()
                .filter(e -> e.name().endsWith("show")).map(e -> e.outcome().data().get("msg")).toList(), run.output());
    }

    @Test
    void oneRoleImportedUnderDifferentDefaultsGetsEachPlacesDefaults() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  roles: [r]
                  tasks:
                    - import_role: {name: r}
                      module_defaults: {debug: {msg: first}}
                    - import_role: {name: r}
                      module_defaults: {debug: {msg: second}}
                """).file("roles/r/tasks/main.yml", "- {name: show, debug: }\n")
                .run(Mode.APPLY);
        assertEquals(List.of("Hello world!", "first", "second"), run.events().finished().stream()
                .filter(e -> e.name().endsWith("show")).map(e -> e.outcome().data().get("msg")).toList(), run.output());
    }
}
