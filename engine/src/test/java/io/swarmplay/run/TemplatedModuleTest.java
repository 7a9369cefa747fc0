package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A module named by a template ({@code action: "{{ mod }} msg=x"}) is resolved on each host when the task runs and its
 * arguments are read for that module then, as in ansible-playbook 2.14 (strategy_linear's task_action_templating).
 */
class TemplatedModuleTest {

    @TempDir
    Path dir;

    @Test
    void eachHostRunsTheModuleItsVariablesName() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - set_fact: {module_to_run: "{{ 'debug' if inventory_hostname == 'h1' else 'ping' }}"}
                    - name: templated
                      action: {module: "{{ module_to_run }}"}
                      register: out
                    - assert: {that: ["'msg' in out", "'ping' not in out"]}
                      when: inventory_hostname == 'h1'
                    - assert: {that: ["out.ping == 'pong'", "'msg' not in out"]}
                      when: inventory_hostname == 'h2'
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Map.of("h1", Status.OK, "h2", Status.OK), run.events().statuses("templated"), run.output());
    }

    @Test
    void theStringFormIsSplitForTheResolvedModuleAndBadArgumentsFailTheHost() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {which: debug, what: command}
                  tasks:
                    - {name: say, action: "{{ which }} msg='hello there'"}
                    - {name: run, action: "{{ what }} echo free form chdir=/", register: ran}
                    - {name: bad, action: "{{ which }} bogus=1", ignore_errors: true}
                    - {name: none, action: "{{ 'no_such_module' }}", ignore_errors: true}
                    - assert: {that: ["ran.stdout == 'free form'"]}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertTrue(run.output().contains("\"msg\": \"hello there\""), run.output());
        assertTrue(run.output().contains("unknown argument 'bogus' for module 'debug'"), run.output());
        assertTrue(run.output().contains("couldn't resolve module/action 'no_such_module'"), run.output());
        assertEquals(2, run.result().recap().host("h1").ignored, run.output());
    }

    @Test
    void aTaskItsWhenSkipsNeverNeedsItsModuleResolved() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {mgr: no_such_package_manager}
                  tasks:
                    - {name: unknown, action: "{{ mgr }}", args: {name: x}, when: false}
                    - {name: undefined, action: "{{ not_defined_anywhere }}", when: false}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Map.of("h1", Status.SKIPPED), run.events().statuses("unknown"), run.output());
        assertEquals(Map.of("h1", Status.SKIPPED), run.events().statuses("undefined"), run.output());
    }
}
