package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boolean keywords written as templates are rendered per host at run time, with Ansible's boolean
 * rules; omit keeps the inherited value (each checked against ansible-playbook 2.14).
 */
class TemplatedKeywordsTest {

    @TempDir
    Path dir;

    @Test
    void ignoreErrorsIsRenderedPerHost() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: fails, command: /bin/false, ignore_errors: "{{ 'Yes' if inventory_hostname == 'h1' else 'off' }}"}
                    - {name: after, debug: {msg: x}}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.FAILED, "h2", Status.FAILED), run.events().statuses("fails"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("after"), run.output());
        assertEquals(1, run.result().recap().host("h1").ignored, run.output());
        assertEquals(List.of(0, 1), List.of(run.result().recap().host("h2").ignored, run.result().recap().host("h2").failed));
    }

    @Test
    void aTemplateThatRendersToOmitKeepsTheBlocksValueAndATasksOwnFalseWins() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - block:
                        - {name: inherits, command: /bin/false, ignore_errors: "{{ nothing | default(omit) }}"}
                        - {name: own false, command: /bin/false, ignore_errors: "{{ 0 }}"}
                      ignore_errors: "{{ true }}"
                      rescue:
                        - {name: rescued, debug: {msg: r}}
                    - {name: become omitted, debug: {msg: a}, become: "{{ nothing | default(omit) }}"}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(1, run.result().recap().host("h1").ignored, run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("rescued"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("become omitted"), run.output());
    }

    @Test
    void aTemplatedNoLogCensorsTheResultAndHidesItLater() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {hide: "on"}
                  tasks:
                    - {name: make token, command: echo Token-9876-zyx, register: token, no_log: "{{ hide }}"}
                    - {name: loop, command: "echo Item-{{ item }}-secret", loop: [1], no_log: "{{ true }}"}
                    - {name: print it, debug: {msg: "token is {{ token.stdout }}"}}
                """).run(Mode.APPLY);
        assertFalse(run.output().contains("Token-9876-zyx"), run.output());
        assertFalse(run.output().contains("Item-1-secret"), run.output());
        assertTrue(run.output().contains("token is ********"), run.output());
        assertTrue(run.events().finished().stream().filter(e -> e.name().equals("make token")).allMatch(e -> e.noLog()));
    }

    @Test
    void checkModeAndDiffFollowTheirRenderedValues() throws Exception {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {dry: "True", show: false}
                  tasks:
                    - {name: previewed, copy: {content: "alpha\\n", dest: "{{ root }}/a"}, check_mode: "{{ dry }}"}
                    - {name: applied, copy: {content: "beta\\n", dest: "{{ root }}/b"}, check_mode: "{{ not dry }}", diff: "{{ show }}"}
                    - {name: shown, copy: {content: "gamma\\n", dest: "{{ root }}/c"}, diff: "{{ not show }}"}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertFalse(Files.exists(dir.resolve("h1/a")), run.output());
        assertEquals("beta\n", Files.readString(dir.resolve("h1/b")));
        assertFalse(run.output().contains("+beta"), run.output());
        assertTrue(run.output().contains("+gamma"), run.output());
    }

    @Test
    void runOnceRendersWithTheFirstHostsVariables() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: once, command: "echo {{ inventory_hostname }}", run_once: "{{ inventory_hostname == 'h1' }}"}
                """).run(Mode.APPLY);
        assertEquals(Set.of("h1"), run.events().statuses("once").keySet(), run.output());
    }

    @Test
    void aValueThatIsNotABooleanFailsTheHostNamingTheKeyword() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: odd, command: "true", no_log: "{{ 'maybe' }}"}
                    - {name: after, debug: {msg: x}}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.HOST_FAILED, run.result().status(), run.output());
        assertEquals("the field 'no_log' has an invalid value ({{ 'maybe' }}), and could not be converted to an bool.The error was: The value 'maybe' is not a valid boolean.  Valid booleans include: 0, 1, 'false', '1', 'n', 'y', 'no', 'yes', 'f', 'off', 'true', 'on', 't', '0'. The value 'maybe' is not a valid boolean.  Valid booleans include: 0, 1, 'false', '1', 'n', 'y', 'no', 'yes', 'f', 'off', 'true', 'on', 't', '0'",
                run.events().outcome("odd", "h1").message());
        assertTrue(run.output().contains("TASK [odd]"), run.output());
        assertTrue(run.output().contains("fatal: [h1]: FAILED! => {\"changed\": false, \"msg\": \"the field 'no_log'"), run.output());
        assertEquals(Map.of(), run.events().statuses("after"));
    }

    @Test
    void aLiteralThatIsNotABooleanFailsTheTaskWhenItRunsAndIgnoreErrorsApplies() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: good, debug: {msg: x}, diff: yes, ignore_errors: true, register: good_diff}
                    - {name: bad, debug: {msg: x}, diff: yes., ignore_errors: true, register: bad_diff}
                    - {name: short, debug: {msg: x}, diff: t, ignore_errors: n}
                    - name: check
                      assert:
                        that: [good_diff is success, bad_diff is failed, "bad_diff.msg is search('could not be converted to an bool')"]
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals("the field 'diff' has an invalid value (yes.), and could not be converted to an bool.The error was: The value 'yes.' is not a valid boolean.  Valid booleans include: 0, 1, 'false', '1', 'n', 'y', 'no', 'yes', 'f', 'off', 'true', 'on', 't', '0'. The value 'yes.' is not a valid boolean.  Valid booleans include: 0, 1, 'false', '1', 'n', 'y', 'no', 'yes', 'f', 'off', 'true', 'on', 't', '0'", run.events().outcome("bad", "h1").message());
        assertTrue(run.output().contains("...ignoring"), run.output());
    }

    @Test
    void loopControlOptionsAreRenderedOnceBeforeTheLoopWithTheTasksVariables() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {name: fruit}
                  tasks:
                    - name: looped
                      debug: {msg: "{{ fruit }} {{ idx }} {{ ansible_loop.index }}"}
                      loop: [a, b]
                      loop_control: {loop_var: "{{ name }}", index_var: "{{ 'idx' }}", extended: "{{ 'yes' }}", pause: "{{ 0 }}"}
                      register: out
                    - name: included
                      include_tasks: inc.yaml
                      loop: [x]
                      loop_control: {loop_var: "{{ var_name }}"}
                      vars: {var_name: thing}
                    - name: odd
                      debug: {msg: x}
                      loop: [a]
                      loop_control: {extended: "{{ 'maybe' }}"}
                """).file("inc.yaml", "- {name: inside, debug: {msg: \"thing is {{ thing }}\"}}\n").run(Mode.APPLY);
        List<?> results = (List<?>) run.events().outcome("looped", "h1").data().get("results");
        assertEquals(List.of("a 0 1", "b 1 2"), results.stream().map(r -> ((Map<?, ?>) r).get("msg")).toList(), run.output());
        assertEquals("fruit", ((Map<?, ?>) results.get(1)).get("ansible_loop_var"), run.output());
        assertTrue(run.output().contains("\"msg\": \"thing is x\""), run.output());
        assertEquals("the field 'extended' has an invalid value ({{ 'maybe' }}), and could not be converted to an bool.The error was: The value 'maybe' is not a valid boolean.  Valid booleans include: 0, 1, 'false', '1', 'n', 'y', 'no', 'yes', 'f', 'off', 'true', 'on', 't', '0'. The value 'maybe' is not a valid boolean.  Valid booleans include: 0, 1, 'false', '1', 'n', 'y', 'no', 'yes', 'f', 'off', 'true', 'on', 't', '0'"
                + " at " + dir.resolve("site.yaml") + ":15:7", run.events().outcome("odd", "h1").message(), run.output());
    }
}
