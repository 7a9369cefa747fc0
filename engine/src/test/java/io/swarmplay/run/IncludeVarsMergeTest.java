package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** include_vars' {@code hash_behaviour: merge}: Ansible's combine_vars(old, new, merge=True) per included variable. */
class IncludeVarsMergeTest {

    @TempDir
    Path dir;

    @Test
    void mergeCombinesEachIncludedMappingRecursivelyWithTheHostsValue() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1")
                .file("extra.yml", "d:\n  b: 2\n  n: {y: 2}\n")
                .playbook("""
                        - hosts: web
                          gather_facts: false
                          vars:
                            d: {a: 1, n: {x: 1}, l: [1]}
                          tasks:
                            - include_vars: {file: extra.yml, hash_behaviour: merge}
                            - name: merged
                              assert:
                                that: "d == {'a': 1, 'n': {'x': 1, 'y': 2}, 'l': [1], 'b': 2}"
                            - include_vars: {file: extra.yml}
                            - name: replaced
                              assert:
                                that: "d == {'b': 2, 'n': {'y': 2}}"
                        """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("merged", "h1").status(), run.output());
        assertEquals(Status.OK, run.events().outcome("replaced", "h1").status(), run.output());
    }

    @Test
    void mergeFailsWhenTheHostsValueIsNotAMapping() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1")
                .file("extra.yml", "d: {b: 2}\n")
                .playbook("""
                        - hosts: web
                          gather_facts: false
                          tasks:
                            - name: inc
                              include_vars: {file: extra.yml, hash_behaviour: merge}
                        """).run(Mode.APPLY);
        assertEquals(Status.FAILED, run.events().outcome("inc", "h1").status(), run.output());
        assertTrue(run.output().contains("failed to combine variables, expected dicts but got a 'NoneType' and a 'dict'"),
                run.output());
    }
}
