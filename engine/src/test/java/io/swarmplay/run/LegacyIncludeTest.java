package io.swarmplay.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deprecated {@code include} (static unless templated or looped, its key=value words as vars),
 * and the precedence of include_tasks' vars (include params, above set_fact).
 */
class LegacyIncludeTest {

    @TempDir
    Path dir;

    @Test
    void includeIsAnImportOrADynamicIncludeAndPassesItsWordsAsVars() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - include: inc.yml a=1 b=2
                    - include: inc.yml a={{ item }} b=3
                      loop: [x, y]
                  handlers:
                    - include: handlers.yml
                """)
                .file("inc.yml", "- {name: inc, debug: {msg: \"{{ a }} {{ b }}\"}, changed_when: true, notify: h}\n")
                .file("handlers.yml", "- {name: h, debug: {msg: handled}}\n")
                .run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(List.of("1 2", "x 3", "y 3"), run.events().finished().stream().filter(e -> e.name().equals("inc"))
                .map(e -> e.outcome().data().get("msg")).toList());
        assertTrue(run.output().contains("included: " + dir.resolve("inc.yml").toAbsolutePath().normalize() + " for h1 => (item=x)"),
                run.output());
        assertTrue(run.output().contains("RUNNING HANDLER [h]"), run.output());
    }
    @Test
    void includeArgsAreVarsOfTheIncludedTasksUnderItsOwnWords() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - include: inc.yml b=own
                      args: {a: fromargs, b: fromargs}
                """)
                .file("inc.yml", "- {name: inc, debug: {msg: \"{{ a }} {{ b }}\"}}\n")
                .run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(List.of("fromargs own"), run.events().finished().stream().filter(e -> e.name().equals("inc"))
                .map(e -> e.outcome().data().get("msg")).toList());
    }

    @Test
    void anIncludeInAFileReadByIncludeTasksIsDynamicAndAnIncludeInAnImportedFileIsStatic() {
        RunFixture fixture = new RunFixture(dir).hosts("h1")
                .file("tasks.yml", "- {name: first, fail: {msg: always runs}}\n- include: broken.yml\n")
                .file("broken.yml", "intentional syntax error which SHOULD be encountered\n");
        RunFixture.Run dynamic = fixture.playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - include_tasks: tasks.yml
                """).run(Mode.APPLY);
        assertTrue(dynamic.output().contains("always runs"), "the included file's tasks run before its include: " + dynamic.output());
        fixture.playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - import_tasks: tasks.yml
                """);
        io.swarmplay.source.LoadException static_ = org.junit.jupiter.api.Assertions.assertThrows(
                io.swarmplay.source.LoadException.class, () -> fixture.run(Mode.APPLY));
        assertTrue(static_.diagnostics().stream().anyMatch(d -> String.valueOf(d.position()).contains("broken.yml")),
                static_.diagnostics().toString());
    }

    @Test
    void includeTasksVarsAndLoopVariablesRankAboveSetFactButImportTasksVarsDoNot() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - set_fact: {a: fact, item: fact}
                    - include_tasks: a.yml
                      vars: {a: include}
                    - import_tasks: a.yml
                      vars: {a: import}
                """)
                .file("a.yml", "- {name: show, debug: {msg: \"{{ a }}\"}}\n")
                .run(Mode.APPLY);
        assertEquals(List.of("include", "fact"), run.events().finished().stream().filter(e -> e.name().equals("show"))
                .map(e -> e.outcome().data().get("msg")).toList(), run.output());
    }

    @Test
    void includeTasksAndImportTasksTakeTheirFileAsKeyEqualsValue() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - include_tasks: file=a.yml
                      with_items: [one]
                    - import_tasks: file=a.yml
                """)
                .file("a.yml", "- {name: show, debug: {msg: shown}}\n")
                .run(Mode.APPLY);
        assertEquals(2, run.events().finished().stream().filter(e -> e.name().equals("show")).count(), run.output());
    }

    @Test
    void aLegacyIncludesVarsRankAboveSetFactItsWordsDoNot() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - set_fact: {a: fact}
                    - include: a.yml
                      vars: {a: 201}
                    - include: a.yml a=words
                """)
                .file("a.yml", "- {name: show, debug: {msg: \"{{ a }}\"}}\n")
                .run(Mode.APPLY);
        assertEquals(List.of(201, "fact"), run.events().finished().stream().filter(e -> e.name().equals("show"))
                .map(e -> e.outcome().data().get("msg")).toList(), run.output());
    }
}
