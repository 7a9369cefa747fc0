package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roles as Ansible 2.14 runs them: layout, precedence, dependencies, include_role, handlers, file search. */
class RolesTest {

    @TempDir
    Path dir;

    private RunFixture fixture(String playbook) {
        return new RunFixture(dir).hosts("h1").playbook(playbook);
    }

    private static Object msg(RunFixture.Run run, String task) {
        return run.events().outcome(task, "h1").data().get("msg");
    }

    private static List<Object> messages(RunFixture.Run run, String task) {
        return run.events().finished().stream().filter(e -> e.name().equals(task))
                .map(e -> e.outcome().data().get("msg")).toList();
    }

    @Test
    void roleVariablesTakeAnsiblesPrecedence() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  vars: {a: play, b: play, c: play, e: play}
                  roles:
                    - role: x
                      vars: {k: entry-vars}
                      p: param
                  tasks:
                    - {name: after, debug: {msg: "{{ b }} {{ d }} {{ k }}"}}
                """)
                .file("roles/x/defaults/main.yml", "a: default\nd: default\nc: default\n")
                .file("roles/x/vars/main.yaml", "b: role-vars\nk: role-vars\n")
                .file("roles/x/tasks/main.yml", """
                        - {name: show, debug: {msg: "{{ a }} {{ b }} {{ d }} {{ k }} {{ p }} {{ role_name }} {{ role_path }}"}}
                        - set_fact: {p: fact, e: fact}
                        - {name: params win over facts, debug: {msg: "{{ p }} {{ e }}"}}
                        """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals("play role-vars default role-vars param x " + dir.resolve("roles/x").toAbsolutePath().normalize(),
                msg(run, "x : show"), "defaults lowest, role vars over play vars and over the entry's vars");
        assertEquals("param fact", msg(run, "x : params win over facts"));
        assertEquals("role-vars default role-vars", msg(run, "after"), "a role's defaults and vars stay visible to the play");
    }

    @Test
    void aRoleMayImportAndIncludeItsOwnOtherTasksFiles() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  roles: [self]
                """)
                .file("roles/self/tasks/main.yml", """
                        - import_role: {name: self, tasks_from: other.yml}
                        - include_role: {name: self, tasks_from: other.yml}
                        """)
                .file("roles/self/tasks/other.yml", """
                        - {name: other, debug: {msg: "{{ ansible_parent_role_names | default([]) | length }}"}}
                        - include_role: {name: self, tasks_from: last.yml}
                          when: false
                        """)
                .file("roles/self/tasks/last.yml", "- include_role: {name: self, tasks_from: other.yml}\n")
                .run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(2, run.events().finished().stream().filter(e -> e.name().endsWith("other")).count(), run.output());
    }

    @Test
    void extraVarsWinOverRoleParams() {
        RunFixture fixture = fixture("""
                - hosts: h1
                  gather_facts: false
                  roles: [{role: x, p: param}]
                """).file("roles/x/tasks/main.yml", "- {name: show, debug: {msg: \"{{ p }}\"}}\n");
        fixture.extraVars = Map.of("p", "extra");
        assertEquals("extra", msg(fixture.run(Mode.APPLY), "x : show"));
    }

    @Test
    void dependenciesRunFirstAndOnceUnlessTheirParamsDifferOrDuplicatesAreAllowed() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  roles: [a, b, a, {role: c, n: 2}, {role: c, n: 3}]
                """)
                .file("roles/a/meta/main.yml", "dependencies: [common, {role: c, n: 1}]\n")
                .file("roles/a/tasks/main.yml", "- {name: a, debug: {msg: a}}\n")
                .file("roles/b/meta/main.yml", "dependencies:\n  - common\n  - dup\n")
                .file("roles/b/tasks/main.yml", "- {name: b, debug: {msg: b}}\n")
                .file("roles/common/tasks/main.yml", "- {name: common, debug: {msg: \"{{ role_name }} {{ ansible_parent_role_names | default([]) }}\"}}\n")
                .file("roles/c/tasks/main.yml", "- {name: c, debug: {msg: \"{{ n }}\"}}\n")
                .file("roles/dup/meta/main.yml", "allow_duplicates: true\n")
                .file("roles/dup/tasks/main.yml", "- {name: dup, debug: {msg: dup}}\n")
                .run(Mode.APPLY);
        assertEquals(List.of("common : common", "c : c", "a : a", "dup : dup", "b : b"), run.events().taskNames(),
                run.output());
        assertEquals(List.of(1, 2, 3), messages(run, "c : c"), "c once per set of params");
        assertEquals(List.of("common ['a']"), messages(run, "common : common"), "common once, for a only");
        assertEquals(7, run.result().recap().host("h1").ok, run.output());
    }

    @Test
    void aRoleWhoseTasksWereAllSkippedIsNotCompletedAndRunsWhenUsedAgain() {
        RunFixture fixture = fixture("""
                - hosts: h1
                  gather_facts: false
                  roles: [{role: a, tags: [ra]}, b]
                """)
                .file("roles/a/meta/main.yml", "dependencies: [d]\n")
                .file("roles/a/tasks/main.yml", "- {name: a, debug: {msg: a}}\n")
                .file("roles/b/meta/main.yml", "dependencies: [d]\n")
                .file("roles/b/tasks/main.yml", "- {name: b, debug: {msg: b}}\n")
                .file("roles/d/tasks/main.yml", "- {name: d, debug: {msg: d}}\n");
        fixture.skipTags = java.util.Set.of("ra");
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(List.of("d : d", "b : b"), run.events().taskNames(), run.output());
    }

    @Test
    void includeRoleLoopsWithItsFilesAndVarsAsIncludeParams() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - set_fact: {v: fact}
                    - include_role:
                        name: "{{ 'y' }}"
                        tasks_from: other
                        vars_from: more.yml
                      vars: {v: include}
                      loop: [1, 2]
                    - include_role: {name: y}
                      when: false
                """)
                .file("roles/y/tasks/main.yml", "- {name: main, debug: {msg: main}}\n")
                .file("roles/y/tasks/other.yml", "- {name: other, debug: {msg: \"{{ item }} {{ v }} {{ w }}\"}}\n")
                .file("roles/y/vars/more.yml", "w: more\n")
                .run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertTrue(run.output().contains("TASK [include_role : {{ 'y' }}]"), run.output());
        assertEquals(List.of("1 include more", "2 include more"), messages(run, "y : other"));
        assertEquals(Status.SKIPPED, run.events().outcome("include_role : y", "h1").status());
        assertEquals(Map.of(), run.events().statuses("y : main"));
    }

    @Test
    void roleHandlersJoinThePlayAndAnswerToTheirRolePrefixedName() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  roles: [x]
                  tasks:
                    - {name: by prefixed name, command: "true", notify: "x : restart"}
                """)
                .file("roles/x/handlers/main.yml", "- {name: restart, debug: {msg: \"{{ greeting }}\"}}\n"
                        + "- {name: clean up, include_tasks: cleanup.yml, listen: restart}\n")
                .file("roles/x/tasks/cleanup.yml", "- {name: cleaning, debug: {msg: \"{{ role_name }}\"}}\n")
                .file("roles/x/vars/main.yml", "greeting: from role vars\n")
                .file("roles/x/tasks/main.yml", "- {name: change, command: \"true\", notify: restart}\n")
                .run(Mode.APPLY);
        assertTrue(run.output().contains("RUNNING HANDLER [x : restart]"), run.output());
        assertEquals(List.of("from role vars"), messages(run, "x : restart"), "once, though notified twice");
        assertEquals(List.of("x"), messages(run, "x : cleaning"), "an include_tasks handler, its file in the role's tasks/");
    }

    @Test
    void relativeFilesAreFoundInTheRoleFirstThenBesideThePlaybook() throws Exception {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  roles: [x]
                """)
                .file("roles/x/files/a.txt", "role file\n")
                .file("roles/x/templates/t.j2", "{{ role_name }} template\n")
                .file("files/b.txt", "playbook file\n")
                .file("files/a.txt", "shadowed\n")
                .file("roles/x/tasks/main.yml", """
                        - copy: {src: a.txt, dest: "{{ root }}/a"}
                        - copy: {src: b.txt, dest: "{{ root }}/b"}
                        - template: {src: t.j2, dest: "{{ root }}/t"}
                        - import_tasks: sub.yml
                        """)
                .file("roles/x/tasks/sub.yml", "- {name: search, debug: {msg: \"{{ ansible_search_path }}\"}}\n")
                .run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals("role file\n", Files.readString(dir.resolve("h1/a")));
        assertEquals("playbook file\n", Files.readString(dir.resolve("h1/b")));
        assertEquals("x template\n", Files.readString(dir.resolve("h1/t")));
        Path role = dir.resolve("roles/x").toAbsolutePath().normalize();
        assertEquals(List.of(role.toString(), role.resolve("tasks").toString(), dir.toAbsolutePath().normalize().toString()),
                msg(run, "x : search"));
    }

    @Test
    void importRoleKeywordsActOnEveryTaskAndTagsSelectThem() {
        RunFixture fixture = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - import_role: {name: x}
                      tags: [tagged]
                      when: run_it | default(true)
                    - {name: untagged, debug: {msg: no}}
                """).file("roles/x/tasks/main.yml", "- {name: one, debug: {msg: one}}\n- {name: two, debug: {msg: two}}\n");
        fixture.tags = java.util.Set.of("tagged");
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(List.of("x : one", "x : two"), run.events().taskNames(), run.output());
    }

    @Test
    void aRescueInARoleSeesTheFailedTasksOwnNameAndAWithLookupsOwnMessage() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  roles: [x]
                """).file("roles/x/tasks/main.yml", """
                        - block:
                            - name: EXPECTED FAILURE
                              debug: {msg: "{{ item }}"}
                              with_sequence: start=4 end=1
                          rescue:
                            - {name: seen, debug: {msg: "{{ ansible_failed_task.name }}|{{ ansible_failed_result.msg }}"}}
                        """).run(Mode.APPLY);
        assertEquals("EXPECTED FAILURE|to count backwards make stride negative", msg(run, "x : seen"));
    }
}
