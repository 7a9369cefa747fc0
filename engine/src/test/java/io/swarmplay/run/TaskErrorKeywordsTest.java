package io.swarmplay.run;

import io.swarmplay.module.Status;
import io.swarmplay.report.Recap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code any_errors_fatal} on blocks and tasks, {@code ignore_unreachable} and {@code delegate_facts}, as ansible-playbook 2.14. */
class TaskErrorKeywordsTest {

    @TempDir
    Path dir;

    private RunFixture fixture(String playbook) {
        return new RunFixture(dir).hosts("h1", "h2", "h3").playbook(playbook);
    }

    @Test
    void anUnknownArgumentOfATaskThatIgnoresErrorsFailsItWhenItRunsWithAnsiblesMessage() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: bad ping
                      ping: {foo: bar, data: x}
                      ignore_errors: true
                      register: r
                    - name: bad wait
                      wait_for_connection: {foo: bar}
                      ignore_errors: true
                      register: w
                    - name: show
                      debug: {msg: "{{ r.msg }} / {{ w.msg }}"}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.FAILED), run.events().statuses("bad ping"), run.output());
        assertTrue(run.output().contains("Unsupported parameters for (ping) module: foo. Supported parameters include: data."
                + " / Invalid options for wait_for_connection: foo"), run.output());
        assertEquals(ExitStatus.OK, run.result().status());
    }

    @Test
    void aTaskInDiffModeRegistersTheTextDiffOfWhatItChanged() {
        Path file = dir.resolve("conf.txt");
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - copy: {content: "a\\n", dest: "%s"}
                    - name: edit
                      lineinfile: {path: "%s", line: b}
                      diff: true
                      register: edited
                    - name: quiet
                      lineinfile: {path: "%s", line: c}
                      diff: false
                      register: quiet
                    - name: show
                      debug: {msg: "{{ edited.diff[0].before }}|{{ edited.diff[0].after }}|{{ quiet.diff is defined }}"}
                """.formatted(file, file, file)).run(Mode.APPLY);
        assertTrue(run.output().contains("\"msg\": \"a\\n|a\\nb\\n|False\""), run.output());
    }

    @Test
    void anyErrorsFatalOnABlockEndsThePlayForEveryHost() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - block:
                        - name: fail on h1
                          command: /bin/false
                          when: inventory_hostname == 'h1'
                        - name: after in block
                          debug: {msg: after}
                      any_errors_fatal: true
                    - name: rest of play
                      debug: {msg: rest}
                """).run(Mode.APPLY);
        assertEquals(Map.of(), run.events().statuses("after in block"), run.output());
        assertEquals(Map.of(), run.events().statuses("rest of play"), run.output());
        assertTrue(run.output().contains("NO MORE HOSTS LEFT"), run.output());
        assertEquals(1, run.result().recap().host("h1").failed);
        assertEquals(1, run.result().recap().host("h2").skipped);
        assertEquals(ExitStatus.HOST_FAILED, run.result().status());
    }

    @Test
    void anyErrorsFatalOnATaskEndsThePlayButNotWhenIgnoredOrOnOtherTasks() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: ignored
                      command: /bin/false
                      any_errors_fatal: true
                      ignore_errors: true
                    - name: not fatal
                      command: /bin/false
                      when: inventory_hostname == 'h1'
                    - name: fatal
                      command: /bin/false
                      when: inventory_hostname == 'h2'
                      any_errors_fatal: yes
                    - name: rest of play
                      debug: {msg: rest}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.FAILED, "h2", Status.SKIPPED, "h3", Status.SKIPPED), run.events().statuses("not fatal"), run.output());
        assertEquals(Map.of("h2", Status.FAILED, "h3", Status.SKIPPED), run.events().statuses("fatal"), run.output());
        assertEquals(Map.of(), run.events().statuses("rest of play"), run.output());
        assertEquals(ExitStatus.HOST_FAILED, run.result().status());
    }

    @Test
    void aTasksLiteralFalseWinsOverThePlaysAnyErrorsFatal() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  any_errors_fatal: true
                  tasks:
                    - name: fail on h1
                      command: /bin/false
                      when: inventory_hostname == 'h1'
                      any_errors_fatal: false
                    - name: rest of play
                      debug: {msg: rest}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h2", Status.OK, "h3", Status.OK), run.events().statuses("rest of play"), run.output());
    }

    @Test
    void aTemplatedAnyErrorsFatalCountsAsTrueAsAnsibleReadsItUnrendered() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  vars: {fatal: false}
                  tasks:
                    - block:
                        - name: fail on h1
                          command: /bin/false
                          when: inventory_hostname == 'h1'
                      any_errors_fatal: "{{ fatal }}"
                    - name: rest of play
                      debug: {msg: rest}
                """).run(Mode.APPLY);
        assertEquals(Map.of(), run.events().statuses("rest of play"), run.output());
    }

    @Test
    void aTemplatedIgnoreErrorsKeepsAnyErrorsFatalFromStoppingThePlayAsAnsibleReadsItUnrendered() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  any_errors_fatal: true
                  vars: {ie: false}
                  tasks:
                    - name: fail on h1
                      command: /bin/false
                      when: inventory_hostname == 'h1'
                      ignore_errors: "{{ ie }}"
                    - name: rest of play
                      debug: {msg: rest}
                """).run(Mode.APPLY);
        assertEquals(Status.FAILED, run.events().statuses("fail on h1").get("h1"), run.output());
        assertEquals(Status.OK, run.events().statuses("rest of play").get("h2"), run.output());
        assertEquals(null, run.events().statuses("rest of play").get("h1"), run.output());
    }

    @Test
    void ignoreUnreachableKeepsTheHostInThePlayCountedOkAndIgnored() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RunFixture.Run run = new RunFixture(dir).file("inventory.yaml", """
                all:
                  children:
                    web:
                      hosts:
                        down: {ansible_host: 127.0.0.1, ansible_port: %d, ansible_user: nobody}
                        h1: {ansible_connection: local}
                """.formatted(closedPort)).playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - block:
                        - name: contact
                          command: "true"
                          register: r
                      ignore_unreachable: "{{ 1 == 1 }}"
                    - name: still here
                      debug: {msg: "{{ r.unreachable | default(false) }}"}
                    - name: not ignored
                      command: "true"
                    - name: after
                      debug: {msg: after}
                """).run(Mode.APPLY);
        assertEquals(Map.of("down", Status.UNREACHABLE, "h1", Status.CHANGED), run.events().statuses("contact"), run.output());
        assertTrue(run.output().contains("fatal: [down]: UNREACHABLE! => {"), run.output());
        assertTrue(run.output().contains("...ignoring"), run.output());
        assertEquals(Boolean.TRUE, run.events().outcome("still here", "down").data().get("msg"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("after"), run.output());
        Recap.Counts down = run.result().recap().host("down");
        assertEquals(2, down.ok, run.output());
        assertEquals(1, down.ignored, run.output());
        assertEquals(1, down.unreachable, "only the task without ignore_unreachable: " + run.output());
    }

    @Test
    void ignoreUnreachableOnThePlayCoversEveryTask() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RunFixture.Run run = new RunFixture(dir).file("inventory.yaml", """
                all:
                  hosts:
                    down: {ansible_host: 127.0.0.1, ansible_port: %d, ansible_user: nobody}
                """.formatted(closedPort)).playbook("""
                - hosts: down
                  gather_facts: false
                  ignore_unreachable: true
                  tasks:
                    - {name: contact, command: "true"}
                    - {name: again, command: "true", ignore_unreachable: false}
                    - {name: after, debug: {msg: after}}
                """).run(Mode.APPLY);
        assertEquals(Map.of("down", Status.UNREACHABLE), run.events().statuses("contact"), run.output());
        assertEquals(Map.of("down", Status.UNREACHABLE), run.events().statuses("again"), run.output());
        assertEquals(Map.of(), run.events().statuses("after"), "the task's own false wins: " + run.output());
        Recap.Counts down = run.result().recap().host("down");
        assertEquals(List.of(1, 1, 1), List.of(down.ok, down.ignored, down.unreachable), run.output());
    }

    @Test
    void delegateFactsGiveTheFactsToTheDelegatedHost() {
        RunFixture.Run run = fixture("""
                - hosts: h1,h2
                  gather_facts: false
                  tasks:
                    - set_fact: {x: 1}
                      delegate_to: h3
                      delegate_facts: true
                    - include_vars: {file: v.yml}
                      delegate_to: h3
                      delegate_facts: true
                    - set_fact: {z: 3}
                      delegate_to: h3
                      delegate_facts: false
                    - set_fact: {w: 4}
                      delegate_to: h3
                      delegate_facts: "{{ true }}"
                      run_once: true
                    - name: show
                      debug:
                        msg: "{{ x | default('none') }} {{ y | default('none') }} {{ z }} {{ w | default('none') }} {{ hostvars.h3.x }} {{ hostvars.h3.y }} {{ hostvars.h3.z | default('none') }} {{ hostvars.h3.w }}"
                """).file("v.yml", "y: 2\n").run(Mode.APPLY);
        assertEquals("none none 3 none 1 2 none 4", run.events().outcome("show", "h1").data().get("msg"), run.output());
        assertEquals("none none 3 none 1 2 none 4", run.events().outcome("show", "h2").data().get("msg"), run.output());
        assertFalse(run.output().contains("not supported"), run.output());
    }

    @Test
    void aDelegatedLoopSeesTheDelegatesVarsAndRegistersItsResults() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: check
                      assert:
                        that: item in ansible_delegated_vars
                      delegate_to: "{{ item }}"
                      loop: [h2, h3]
                      ignore_errors: true
                      register: checked
                    - name: show
                      debug:
                        msg: "{{ checked.results | map(attribute='failed') | list }}"
                """).run(Mode.APPLY);
        assertEquals("[false, false]", String.valueOf(run.events().outcome("show", "h1").data().get("msg")), run.output());
    }

    @Test
    void anIncludeOfAMissingRoleOrFileFailsEveryHostUnderAnyErrorsFatal() {
        for (String include : java.util.List.of("include_role: {name: no-such-role}", "include_tasks: no-such-file.yml")) {
            RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2").playbook("""
                    - hosts: web
                      gather_facts: false
                      any_errors_fatal: true
                      tasks:
                        - name: missing
                          %s
                          when: inventory_hostname == 'h2'
                        - {name: never, debug: {msg: never reached}}
                    """.formatted(include)).run(Mode.APPLY);
            assertEquals(java.util.Map.of(), run.events().statuses("never"), include + "\n" + run.output());
            assertEquals(ExitStatus.HOST_FAILED, run.result().status(), run.output());
        }
    }
}
