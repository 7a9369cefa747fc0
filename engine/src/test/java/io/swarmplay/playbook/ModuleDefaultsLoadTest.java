package io.swarmplay.playbook;

import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code module_defaults} and {@code vars_prompt} as the loader reads them, and their load errors. */
class ModuleDefaultsLoadTest {

    private static final ModuleRegistry MODULES = ModuleRegistry.load();

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private Play load(String yaml) {
        Playbook playbook = PlaybookLoader.load(TestFiles.write(dir, "site.yml", yaml), MODULES, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        return playbook.plays().get(0);
    }

    private String errors(String yaml) {
        PlaybookLoader.load(TestFiles.write(dir, "site.yml", yaml), MODULES, diagnostics);
        assertTrue(diagnostics.hasErrors(), "expected errors");
        return TestFiles.render(diagnostics, dir);
    }

    @Test
    void aDockerModuleGetsItsActionGroupsDefaultsUnderItsOwnModulesAndItsOwnArguments() {
        Play play = load("""
                - hosts: all
                  module_defaults:
                    group/community.docker.docker: {docker_host: tcp://group, validate_certs: true, debug: true}
                    community.docker.docker_network: {validate_certs: false, debug: false}
                  tasks:
                    - docker_network: {name: net, debug: true}
                    - community.docker.docker_volume: {name: vol}
                    - debug: {msg: not docker}
                """);
        assertEquals(Map.of("name", "net", "debug", true, "docker_host", "tcp://group", "validate_certs", false),
                ((Task) play.tasks().get(0)).args());
        assertEquals(Map.of("name", "vol", "docker_host", "tcp://group", "validate_certs", true, "debug", true),
                ((Task) play.tasks().get(1)).args());
        assertEquals(Map.of("msg", "not docker"), ((Task) play.tasks().get(2)).args());
    }

    @Test
    void theShortGroupNameAndAnImportedTasksFileAndHandlersSeeTheDefaultsInForce() {
        TestFiles.write(dir, "more.yml", "- debug:\n");
        Play play = load("""
                - hosts: all
                  module_defaults:
                    group/docker: {docker_host: tcp://short}
                    debug: {msg: play}
                  tasks:
                    - import_tasks: more.yml
                      module_defaults:
                        ansible.legacy.debug: {msg: import}
                    - community.docker.docker_volume: {name: vol}
                  handlers:
                    - name: h
                      debug:
                """);
        assertEquals(Map.of("msg", "import"), ((Task) play.tasks().get(0)).args());
        assertEquals("tcp://short", ((Task) play.tasks().get(1)).args().get("docker_host"));
        assertEquals(Map.of("msg", "play"), play.handlers().get(0).task().args());
    }

    @Test
    void unknownModulesGroupsAndArgumentsInModuleDefaultsAreLoadErrorsAtTheirLine() {
        assertEquals("""
                ERROR! could not resolve module 'nosuchmod' in module_defaults
                 --> site.yml:3:5
                  |
                3 |     nosuchmod: {a: 1}
                  |     ^^^^^^^^^
                  = key the defaults by a module name or group/<name>

                ERROR! could not resolve the module_defaults group 'nosuch'
                 --> site.yml:4:5
                  |
                4 |     group/nosuch: {}
                  |     ^^^^^^^^^^^^
                  = swarmplay knows the groups: group/community.docker.docker

                ERROR! unknown argument 'mdoe' for module 'file'
                 --> site.yml:5:12
                  |
                5 |     file: {mdoe: '0644'}
                  |            ^^^^
                  = did you mean 'mode'?""", errors("""
                - hosts: all
                  module_defaults:
                    nosuchmod: {a: 1}
                    group/nosuch: {}
                    file: {mdoe: '0644'}
                  tasks:
                    - file: {path: /tmp/x}
                """));
    }

    @Test
    void varsPromptEntriesKeepAnsiblesKeysAndDefaults() {
        Play play = load("""
                - hosts: all
                  vars_prompt:
                    - name: user
                      prompt: Who
                      default: "{{ 'admin' }}"
                      private: false
                    - {name: secret, confirm: true, unsafe: true}
                  tasks: []
                """);
        assertEquals(List.of(new VarsPrompt("user", "Who", "{{ 'admin' }}", false, false, false),
                new VarsPrompt("secret", "secret", null, true, true, true)), play.varsPrompt());
    }

    @Test
    void varsPromptWithoutNameOrWithEncryptIsALoadError() {
        String errors = errors("""
                - hosts: all
                  vars_prompt:
                    - prompt: Who
                    - {name: pw, encrypt: sha512_crypt}
                  tasks: []
                """);
        assertTrue(errors.contains("ERROR! Invalid vars_prompt data structure, missing 'name' key\n --> site.yml:3:7"), errors);
        assertTrue(errors.contains("ERROR! 'encrypt' in 'vars_prompt' is not supported\n --> site.yml:4:18"), errors);
    }
}
