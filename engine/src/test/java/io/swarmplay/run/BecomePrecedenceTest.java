package io.swarmplay.run;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who a task runs as, in Ansible 2.14's order (PlayContext.set_task_and_variable_override):
 * {@code -b}/{@code --become-user} and ansible.cfg, then the {@code become}/{@code become_user}
 * keywords, then any {@code ansible_become*} variable (each checked against ansible-playbook 2.14).
 * A stand-in become program prints the user it was asked to become instead of switching.
 */
class BecomePrecedenceTest {

    @TempDir
    Path dir;

    private Path fakeSudo;

    @BeforeEach
    void becomeProgram() throws IOException {
        // called as: EXE [FLAGS] -u USER -- /bin/sh -c LINE: prints the user it was asked to become
        fakeSudo = Files.writeString(dir.resolve("fake-sudo"),
                "#!/bin/sh\nwhile [ $# -gt 0 ]; do [ \"$1\" = -u ] && { echo \"as-$2\"; exit 0; }; shift; done\nexit 9\n");
        Files.setPosixFilePermissions(fakeSudo, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void becomeVariablesOverrideTheKeywords() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  become: true
                  become_user: nobody
                  vars: {ansible_become_exe: %s}
                  tasks:
                    - {command: echo x, vars: {ansible_become_user: root}, register: task_var}
                    - {command: echo x, become_user: other, vars: {ansible_become_user: root}, register: both}
                    - {command: echo x, register: keyword}
                    - {command: echo plain, become: false, register: off}
                    - {command: echo x, become: false, vars: {ansible_become: true}, register: on_by_var}
                    - debug: {msg: "users {{ [task_var, both, keyword, off, on_by_var] | map(attribute='stdout') | join(',') }}"}
                """.formatted(fakeSudo)).run(Mode.APPLY);
        assertTrue(run.output().contains("users as-root,as-root,as-nobody,plain,as-nobody"), run.output());
    }

    @Test
    void keywordsOverrideTheCommandLine() {
        RunFixture fixture = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {ansible_become_exe: %s}
                  tasks:
                    - {command: echo x, register: cli}
                    - {command: echo plain, become: false, register: off}
                    - {command: echo x, become_user: nobody, register: keyword}
                    - debug: {msg: "users {{ [cli, off, keyword] | map(attribute='stdout') | join(',') }}"}
                """.formatted(fakeSudo));
        fixture.commandLine = Map.of("ansible_become", true, "ansible_become_user", "deploy");
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertTrue(run.output().contains("users as-deploy,plain,as-nobody"), run.output());
    }
}
