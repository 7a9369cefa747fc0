package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Facts a module returns ({@code ansible_facts} of its result), as ansible-playbook 2.14 keeps them. */
class ModuleFactsTest {

    @TempDir
    Path dir;

    @Test
    void eachModulesFactsJoinAnsibleFactsInsteadOfReplacingThemAndAreVariablesToo() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - getent: {database: passwd, key: root}
                    - getent: {database: group, key: root}
                    - name: check
                      assert:
                        that:
                          - ansible_facts.getent_passwd.root[1] == '0'
                          - ansible_facts.getent_group.root[1] == '0'
                          - getent_passwd.root | length == 6
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
    }
}
