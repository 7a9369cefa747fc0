package io.swarmplay.run;

import io.swarmplay.vars.HashBehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ansible.cfg's {@code hash_behaviour} across group vars, host vars, play vars and extra vars; the
 * expected values are what ansible-playbook 2.14 printed for {@code debug: var=d} on the same files.
 */
class HashBehaviourRunTest {

    @TempDir
    Path dir;

    private static final String INVENTORY = """
            all:
              children:
                web:
                  hosts:
                    h1:
                      ansible_connection: local
                      d: {host: 1, nested: {b: host}}
                  vars:
                    d: {web: 1, nested: {a: web, b: web}, l: [1, 2]}
              vars:
                d: {all: 1, l: [0]}
            """;

    private RunFixture fixture(HashBehaviour behaviour, String expected) {
        RunFixture fixture = new RunFixture(dir).file("inventory.yaml", INVENTORY).playbook("""
                - hosts: h1
                  gather_facts: false
                  vars:
                    d: {play: 1, nested: {c: play}, l: [3]}
                  tasks:
                    - name: check
                      assert:
                        that: "d == %s"
                """.formatted(expected));
        fixture.hashBehaviour = behaviour;
        return fixture;
    }

    private static void assertPasses(RunFixture fixture) {
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
    }

    @Test
    void mergeCombinesGroupHostAndPlayVarsRecursivelyListsReplaced() {
        assertPasses(fixture(HashBehaviour.MERGE,
                "{'all': 1, 'host': 1, 'l': [3], 'nested': {'a': 'web', 'b': 'host', 'c': 'play'}, 'play': 1, 'web': 1}"));
    }

    @Test
    void mergeMergesExtraVarsOverEverything() {
        RunFixture fixture = fixture(HashBehaviour.MERGE,
                "{'all': 1, 'extra': 1, 'host': 1, 'l': [3], 'nested': {'a': 'extra', 'b': 'host', 'c': 'play'}, 'play': 1, 'web': 1}");
        fixture.extraVars = Map.of("d", Map.of("extra", 1, "nested", Map.of("a", "extra")));
        assertPasses(fixture);
    }

    @Test
    void replaceKeepsTheHighestLayersValueWhole() {
        RunFixture fixture = fixture(HashBehaviour.REPLACE, "{'extra': 1, 'nested': {'a': 'extra'}}");
        fixture.extraVars = Map.of("d", Map.of("extra", 1, "nested", Map.of("a", "extra")));
        assertPasses(fixture);
    }

    @Test
    void mergeMergesVarsFilesIntoEachOther() {
        RunFixture fixture = new RunFixture(dir).hosts("h1")
                .file("v1.yml", "d: {f1: 1, nested: {a: f1}}\n").file("v2.yml", "d: {f2: 1, nested: {b: f2}}\n")
                .playbook("""
                        - hosts: h1
                          gather_facts: false
                          vars_files: [v1.yml, v2.yml]
                          tasks:
                            - name: check
                              assert:
                                that: "d == {'f1': 1, 'f2': 1, 'nested': {'a': 'f1', 'b': 'f2'}}"
                        """);
        fixture.hashBehaviour = HashBehaviour.MERGE;
        assertPasses(fixture);
    }

    @Test
    void mergeMergesOneIncludeVarsIntoAnEarlierOne() {
        RunFixture fixture = new RunFixture(dir).hosts("h1")
                .file("v1.yml", "d: {f1: 1, nested: {a: f1}}\n").file("v2.yml", "d: {f2: 1, nested: {b: f2}}\n")
                .playbook("""
                        - hosts: h1
                          gather_facts: false
                          tasks:
                            - include_vars: v1.yml
                            - include_vars: v2.yml
                            - name: check
                              assert:
                                that: "d == {'f1': 1, 'f2': 1, 'nested': {'a': 'f1', 'b': 'f2'}}"
                        """);
        fixture.hashBehaviour = HashBehaviour.MERGE;
        assertPasses(fixture);
    }
}
