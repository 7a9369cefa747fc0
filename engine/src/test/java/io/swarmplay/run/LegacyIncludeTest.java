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
