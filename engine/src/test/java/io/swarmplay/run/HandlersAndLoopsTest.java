package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Handlers, include apply, loops and the register/set_fact layer, checked against ansible-playbook 2.14. */
class HandlersAndLoopsTest {

    @TempDir
    Path dir;

    @Test
    void notifyByNameRunsTheFirstHandlerOfThatNameInTheLastBlockHavingOneAndEveryListener() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: change, debug: {msg: x}, changed_when: true, notify: topic}
                  handlers:
                    - {name: topic, set_fact: {first: true}}
                    - {name: topic, set_fact: {second: true}}
                    - {name: listener, set_fact: {listened: true}, listen: topic}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertTrue(run.output().contains("\"first\": true"), run.output());
        assertFalse(run.output().contains("\"second\": true"), run.output());
        assertTrue(run.output().contains("\"listened\": true"), run.output());
    }

    @Test
    void forceHandlersRunsNotifiedHandlersOnAHostThatFailedAfterwards() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2").playbook(playWithForce("force_handlers: true")).run(Mode.APPLY);
        assertEquals(Set.of("h1", "h2"), run.events().statuses("handler").keySet(), run.output());
        RunFixture.Run plain = new RunFixture(dir).hosts("h1", "h2").playbook(playWithForce("")).run(Mode.APPLY);
        assertEquals(Set.of("h2"), plain.events().statuses("handler").keySet(), plain.output());
    }

    @Test
    void theTasksOfAHandlersBlockAreHandlersWithTheBlocksKeywords() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: change, debug: {msg: x}, changed_when: true, notify: [first, second]}
                  handlers:
                    - name: ignored block name
                      when: inventory_hostname == 'h2'
                      block:
                        - {name: first, debug: {msg: one}}
                        - {name: second, debug: {msg: two}}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Map.of("h1", Status.SKIPPED, "h2", Status.OK), run.events().statuses("first"), run.output());
        assertEquals(Map.of("h1", Status.SKIPPED, "h2", Status.OK), run.events().statuses("second"), run.output());
    }

    @Test
    void flushHandlersAsAHandlerIsAnsiblesErrorAndAFalseWhenDoesNotFlush() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: change, debug: {msg: x}, changed_when: true, notify: handler}
                    - {meta: flush_handlers, when: false}
                    - {name: after, debug: {msg: y}}
                  handlers:
                    - {name: handler, meta: flush_handlers}
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("after", "h1").status(), "the skipped flush ran no handler:\n" + run.output());
        assertTrue(run.output().contains("ERROR! flush_handlers cannot be used as a handler"), run.output());
        assertEquals(ExitStatus.INTERNAL_ERROR, run.result().status());
    }

    @Test
    void notifyNamesAndHandlerNamesAreTemplatesButListenTopicsAreNot() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {one: name1, two: name2, four: name4, several: [name5, name6]}
                  handlers:
                    - {name: name1, debug: {msg: a}}
                    - {name: "{{ two }}", debug: {msg: b}}
                    - {name: templated listener, debug: {msg: c}, listen: "{{ four }}"}
                    - {name: name5, debug: {msg: d}}
                    - {name: six, debug: {msg: e}, listen: name6}
                    - {name: "{{ nowhere }}", debug: {msg: f}}
                  tasks:
                    - {name: change, debug: {msg: x}, changed_when: true, notify: ["{{ one }}", "{{ two }}", "{{ several }}"]}
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        for (String ran : List.of("name1", "name2", "name5", "six")) {
            assertEquals(Map.of("h1", Status.OK), run.events().statuses(ran), ran + ":\n" + run.output());
        }
        assertEquals(Map.of(), run.events().statuses("templated listener"), run.output());
        assertTrue(run.output().contains("[WARNING]: Handler '{{ nowhere }}' is unusable because it has no listen topics"),
                run.output());
    }

    @Test
    void withDictOverAListFailsWithAnsiblesMessage() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {a_list: [1, 2], d: {x: 1}}
                  tasks:
                    - {name: dict, debug: {msg: "{{ item.key }}={{ item.value }}"}, with_dict: "{{ d }}"}
                    - {name: list, debug: {msg: "{{ item }}"}, with_dict: "{{ a_list }}", register: r, ignore_errors: true}
                    - {name: check, assert: {that: ['"with_dict expects a dict" in r.msg']}}
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("dict", "h1").status(), run.output());
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
    }

    private static String playWithForce(String keyword) {
        return """
                - hosts: web
                  gather_facts: false
                  %s
                  tasks:
                    - {name: change, debug: {msg: x}, changed_when: true, notify: handler}
                    - {name: fail h1, fail: {msg: boom}, when: inventory_hostname == 'h1'}
                  handlers:
                    - {name: handler, debug: {msg: ran}}
                """.formatted(keyword);
    }

    @Test
    void includeTasksApplyPassesNotifyToTheIncludedTasks() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1")
                .file("inc.yml", "- {name: inner, debug: {msg: x}, changed_when: true}\n")
                .playbook("""
                        - hosts: web
                          gather_facts: false
                          tasks:
                            - include_tasks: {file: inc.yml, apply: {notify: hello}}
                          handlers:
                            - {name: hello, debug: {msg: hi}}
                        """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("hello", "h1").status(), run.output());
    }

    @Test
    void aLoopOverAnUndefinedVariableIsSkippedWhenItsConditionIsFalseAndFailsOtherwise() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: skipped, debug: {msg: "{{ item }}"}, loop: "{{ nothing }}", when: false, register: s}
                    - {name: check, assert: {that: [s is skipped, "s.skip_reason == 'Conditional result was False'"]}}
                    - {name: runs, debug: {msg: "{{ item }}"}, loop: "{{ nothing }}", ignore_errors: true}
                """).run(Mode.APPLY);
        assertEquals(Status.SKIPPED, run.events().outcome("skipped", "h1").status(), run.output());
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
        assertEquals(Status.FAILED, run.events().outcome("runs", "h1").status(), run.output());
    }

    @Test
    void aTemplateErrorInALoopItemFailsTheTaskThereWithoutResultsPerItem() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: items, debug: {msg: "{{ item.x }}"}, loop: [{x: 1}, {}, {x: 3}], register: r, ignore_errors: true}
                    - {name: check, assert: {that: [r is failed, r.results is not defined]}}
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
        assertTrue(run.output().contains("ok: [h1] => (item={'x': 1})"), run.output());
        assertFalse(run.output().contains("item={'x': 3}"), run.output());
    }

    @Test
    void registerAndSetFactOfOneNameOverwriteEachOther() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {debug: {msg: one}, register: d}
                    - {set_fact: {d: "{{ d.msg }}-fact"}}
                    - {name: fact wins, assert: {that: ["d == 'one-fact'"]}}
                    - {set_fact: {e: 1}}
                    - {debug: {msg: two}, register: e}
                    - {name: registered wins, assert: {that: ["e.msg == 'two'"]}}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("fact wins"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("registered wins"), run.output());
    }

    @Test
    void ofHandlersOfOneNameTheLastBlockWinsSoAnIncludedRoleOverridesThePlaysFromThenOn() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  roles: [r]
                  handlers:
                    - {name: h1, debug: {msg: "H play h1"}}
                    - {name: h3, debug: {msg: "H play h3"}}
                    - {name: other, debug: {msg: "H play other 1"}}
                    - block:
                        - {name: other, debug: {msg: "H play other 2"}}
                  tasks:
                    - {name: t1, command: "true", notify: [h1, h2, h3, other]}
                    - meta: flush_handlers
                    - {name: t2, command: "true", notify: h1}
                    - include_role: {name: s}
                    - meta: flush_handlers
                    - {name: t3, command: "true", notify: h1}
                """)
                .file("roles/r/tasks/main.yml", "- {name: in r, debug: {msg: r}}\n")
                .file("roles/r/handlers/main.yml", "- {name: h1, debug: {msg: \"H r h1\"}}\n- {name: h2, debug: {msg: \"H r h2\"}}\n")
                .file("roles/s/tasks/main.yml", "- {name: in s, debug: {msg: s}}\n")
                .file("roles/s/handlers/main.yml", "- {name: h1, debug: {msg: \"H s h1\"}}\n")
                .run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        // roles: handlers come before the play's (which win), include_role's after them (which win once loaded);
        // t2 notified the play's h1 before s was included
        assertEquals(List.of("H r h2", "H play h1", "H play h3", "H play other 2", "H play h1", "H s h1"),
                handlerMessages(run), run.output());
    }

    @Test
    void aHandlerStaysNotifiedWhileItRunsAndOneNotifiedByALaterHandlerRunsAtTheNextFlush() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: t, command: "true", notify: [handler1, self_notify]}
                    - meta: flush_handlers
                    - {name: after, debug: {msg: after}}
                  handlers:
                    - {name: handler1, debug: {msg: H1}, changed_when: true, notify: handler2}
                    - {name: handler2, debug: {msg: H2}, changed_when: true, notify: handler1}
                    - {name: self_notify, debug: {msg: H self}, changed_when: true, notify: self_notify}
                """).run(Mode.APPLY);
        assertEquals(List.of("H1", "H2", "H self", "H1", "H2", "H1", "H2"), handlerMessages(run), run.output());
    }

    @Test
    void anIncludedRoleBringsTheHandlersOfTheRolesItImports() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - include_role: {name: outer}
                """)
                .file("roles/outer/tasks/main.yml", "- import_role: {name: inner, tasks_from: notify}\n")
                .file("roles/inner/tasks/notify.yml", "- {name: change, command: \"true\", notify: inner handler}\n")
                .file("roles/inner/handlers/main.yml", "- {name: inner handler, debug: {msg: H inner}}\n")
                .run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(List.of("H inner"), handlerMessages(run), run.output());
    }

    @Test
    void underForceHandlersTheTasksAnIncludeHandlerIncludesRunOnTheFailedHostAsHandlers() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  force_handlers: true
                  tasks:
                    - {name: change, command: "true", notify: handler}
                    - {name: fails, fail: {msg: expected}}
                  handlers:
                    - {name: handler, include_tasks: handler-tasks.yml}
                """).file("handler-tasks.yml", "- {name: included, debug: {msg: H included}}\n").run(Mode.APPLY);
        assertEquals(List.of("H included"), handlerMessages(run), run.output());
        assertTrue(run.output().contains("RUNNING HANDLER [included]"), run.output());
    }

    private static List<Object> handlerMessages(RunFixture.Run run) {
        return run.events().finished().stream().map(e -> e.outcome().data().get("msg"))
                .filter(m -> m instanceof String text && text.startsWith("H")).toList();
    }
}
