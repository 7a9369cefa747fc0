package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run semantics checked against ansible-playbook 2.14 on the same playbooks. */
class AnsibleSemanticsTest {

    @TempDir
    Path dir;

    @Test
    void anIgnoredFailedCommandIsCountedChangedAndIgnoredAndRegisteredChanged() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: fails, command: /bin/false, ignore_errors: true, register: r}
                    - {name: loop, shell: "exit {{ item }}", loop: [0, 1], ignore_errors: true, register: l}
                    - {name: check, assert: {that: [r is changed, r is failed, l is changed, l is failed]}}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
        var counts = run.result().recap().host("h1");
        assertEquals(List.of(3, 2, 2), List.of(counts.ok, counts.changed, counts.ignored), "ansible-playbook: ok=3 changed=2 ignored=2");
    }

    @Test
    void notifyingAHandlerThatDoesNotExistIsAnErrorThatEndsTheRun() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: unchanged, debug: {msg: x}, notify: nope}
                    - {name: changed, command: "true", notify: nope}
                    - {name: after, debug: {msg: y}}
                  handlers:
                    - {name: there, debug: {msg: h}}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.INTERNAL_ERROR, run.result().status());
        assertTrue(run.output().contains("ERROR! The requested handler 'nope' was not found in either the main handlers "
                + "list nor in the listening handlers list"), run.output());
        assertEquals(Map.of(), run.events().statuses("after"));
    }

    @Test
    void withErrorOnMissingHandlerOffNotifyingAMissingHandlerIsAWarning() {
        RunFixture fixture = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: changed, command: "true", notify: nope}
                    - {name: after, debug: {msg: y}}
                """);
        fixture.handlers = new HandlerSettings(false, false);
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertTrue(run.output().contains("[WARNING]: The requested handler 'nope' was not found in either the main\n"
                + "handlers list nor in the listening handlers list"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("after"));
    }

    @Test
    void aDynamicIncludeOfAMissingFileFailsTheHostsThatRunItAndAFalseWhenSkipsIt() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: skipped tasks, include_tasks: gone.yml, when: false}
                    - {name: skipped role, include_role: {name: gone}, when: false}
                    - {name: skipped vars, include_vars: gone.yml, when: false}
                    - {name: on h1, include_tasks: gone.yml, when: inventory_hostname == 'h1'}
                    - {name: after, debug: {msg: y}}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.HOST_FAILED, run.result().status(), run.output());
        assertEquals(Map.of("h1", Status.SKIPPED, "h2", Status.SKIPPED), run.events().statuses("skipped role"), run.output());
        assertEquals(Map.of("h1", Status.FAILED, "h2", Status.SKIPPED), run.events().statuses("on h1"), run.output());
        assertTrue(run.output().contains("Could not find or access '" + dir.resolve("gone.yml") + "' on the Ansible Controller."),
                run.output());
        assertEquals(Map.of("h2", Status.OK), run.events().statuses("after"), run.output());
    }

    @Test
    void debugVarNamedByUnsafeTextShowsItAsTextWithoutEvaluatingIt() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars:
                    unsafe_var: !unsafe undef()|mandatory
                    plain: 42
                    name_of_plain: plain
                  tasks:
                    - {name: unsafe, debug: {var: "{{ unsafe_var }}"}, register: u}
                    - {name: safe, debug: {var: "{{ name_of_plain }}"}, register: s}
                    - name: check
                      assert:
                        that:
                          - u is successful
                          - u['undef()|mandatory'] == '{' + '{undef()|mandatory}' + '}'
                          - s.plain == 42
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
    }

    @Test
    void clearHostErrorsBringsFailedHostsBackForTheNextPlay() {
        RunFixture.Run run = new RunFixture(dir).hosts("h2", "h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: fail h2, fail: {msg: no}, when: inventory_hostname == 'h2'}
                    - meta: clear_host_errors
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: count, debug: {msg: "{{ ansible_play_hosts | length }}"}}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK, "h2", Status.OK), run.events().statuses("count"), run.output());
        assertTrue(run.output().indexOf("\nh1 ") < run.output().indexOf("\nh2 "), "recap sorted by name:\n" + run.output());
    }

    @Test
    void clearHostErrorsInAnAlwaysSectionKeepsTheFailedHostInThePlay() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - block:
                        - {name: boom, fail: {msg: no}}
                      rescue:
                        - {name: boom again, fail: {msg: no}}
                      always:
                        - meta: clear_host_errors
                    - {name: after, debug: {msg: still here}}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("after"), run.output());
    }

    @Test
    void setFactBeatsIncludeVarsWhichBeatsTaskVarsAndPlayVarsBeatModuleFacts() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").file("vars.yml", "v: included\nw: included\n").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {v: play, ansible_hostname: play}
                  tasks:
                    - set_fact: {v: set_fact}
                    - include_vars: {file: vars.yml}
                    - name: check
                      assert: {that: [v == 'set_fact', w == 'included', "hostvars[inventory_hostname].w == 'included'"]}
                      vars: {w: task}
                    - setup: {gather_subset: [min]}
                    - {name: facts, assert: {that: [ansible_hostname == 'play']}}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("check"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("facts"), run.output());
    }

    @Test
    void setFactTurnsBooleanWordsIntoBooleansAndDebugShowsUndefinedVariables() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - set_fact: flag=false other=Yes word=maybe
                    - {name: skipped, command: "true", when: flag, register: r}
                    - {name: check, assert: {that: [r is skipped, other, word == 'maybe']}}
                    - {name: show, debug: {var: nowhere.at_all}}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        // Ansible's debug adds the cause from -v on (the fixture runs with -v)
        assertEquals("VARIABLE IS NOT DEFINED!: 'nowhere' is undefined. 'nowhere' is undefined",
                run.events().outcome("show", "h1").data().get("nowhere.at_all"));
        assertFalse(run.output().contains("FAILED"), run.output());
    }

    @Test
    void debugShowsAnUndefinedVariablesCauseOnlyFromVerbosityOne() {
        String playbook = """
                - hosts: web
                  gather_facts: false
                  vars: {x: "{{ y }}"}
                  tasks:
                    - {name: show, debug: {var: x}}
                """;
        RunFixture quiet = new RunFixture(dir).hosts("h1");
        quiet.verbosity = 0;
        assertEquals("VARIABLE IS NOT DEFINED!", quiet.playbook(playbook).run(Mode.APPLY).events().outcome("show", "h1").data().get("x"));
        RunFixture verbose = new RunFixture(dir).hosts("h1");
        assertEquals("VARIABLE IS NOT DEFINED!: {{ y }}: 'y' is undefined. 'y' is undefined. {{ y }}: 'y' is undefined. 'y' is undefined",
                verbose.playbook(playbook).run(Mode.APPLY).events().outcome("show", "h1").data().get("x"));
    }

    @Test
    void failedWhenRegistersItsResultAndAnUnevaluableOneFailsKeepingTheResult() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: excused, shell: exit 1, failed_when: false, register: a}
                    - {name: broken, command: echo foo, failed_when: boom, register: b, ignore_errors: true}
                    - name: check
                      assert:
                        that:
                          - a is not failed and a.failed_when_result == false
                          - b is failed and b.stdout == 'foo' and b.failed_when_result is contains('boom')
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
    }

    @Test
    void anUnevaluableChangedWhenFailsTheTaskKeepingItsResultAndWhy() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: broken, command: echo foo, changed_when: boom, register: b, ignore_errors: true}
                    - name: check
                      assert:
                        that:
                          - b is failed and b.stdout == 'foo' and b.changed_when_result is contains('boom')
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Status.FAILED, run.events().outcome("broken", "h1").status(), run.output());
    }

    @Test
    void includeVarsExtensionsMayListTheEmptyExtensionForFilesWithoutOne() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1")
                .file("vars/webapp/file_without_extension", "webapp_version: '1'\n")
                .file("vars/webapp/.hidden", "hidden: 1\n")
                .file("vars/webapp/notes.txt", "ignored: 1\n")
                .playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - include_vars: {dir: vars/webapp, ignore_unknown_extensions: true, extensions: ['', yml]}
                      register: r
                    - name: check
                      assert:
                        that:
                          - webapp_version == '1' and hidden == 1 and ignored is undefined
                          - r.ansible_included_var_files | length == 2
                    - include_vars: {dir: vars/webapp}
                      register: bad
                      ignore_errors: true
                    - {name: why, assert: {that: "'a valid extension' in bad.message"}}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
    }

    @Test
    void aTasksDiffKeywordOverridesTheRunsDiffFlag() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: quiet, copy: {content: "secret-ish\\n", dest: "{{ root }}/a.txt"}, diff: false}
                    - {name: shown, copy: {content: "plain\\n", dest: "{{ root }}/b.txt"}}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertFalse(run.output().contains("+secret-ish"), run.output());
        assertTrue(run.output().contains("+plain"), run.output());
    }

    @Test
    void theVarsMagicHoldsTheStepsWholeViewButNotItselfNorTheLoopItem() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {server_name: h1}
                  tasks:
                    - {name: fact, set_fact: {z: 1}}
                    - name: check
                      assert:
                        that:
                          - vars['server_name'] == 'h1'
                          - vars.t == 'tv' and vars.z == 1 and vars.inventory_hostname == 'h1'
                          - "'vars' not in vars and 'item' not in vars"
                      vars: {t: tv}
                      loop: [1]
                    - {name: delegated, command: "true", delegate_to: "{{ vars['server_name'] }}"}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Map.of("h1", Status.CHANGED), run.events().statuses("delegated"), run.output());
    }

    @Test
    void aTaskDelegatedToAHostOutsideTheInventoryConnectsWithTheTasksVarsAndTheFactsDelegatedToIt() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: fact, set_fact: {how: local}, delegate_to: f31, delegate_facts: true}
                    - name: ping it
                      command: echo on the delegate
                      delegate_to: f31
                      vars: {ansible_connection: "{{ how }}"}
                    - {name: not mine, assert: {that: [how is undefined]}}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Map.of("h1", Status.CHANGED), run.events().statuses("ping it"), run.output());
    }
}
