package io.swarmplay.playbook;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keyword values as Ansible takes them: {@code "{{ omit }}"}, templated and listed {@code environment}, {@code become_method}. */
class KeywordValuesTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private Play load(String yaml) {
        Playbook playbook = new PlaybookLoader(TestModules.registry()).load(TestFiles.write(dir, "site.yml", yaml), diagnostics);
        return playbook.plays().get(0);
    }

    @Test
    void omitOnAKeywordLeavesItsDefault() {
        Play play = load("""
                - hosts: all
                  become: "{{ omit }}"
                  become_user: "{{omit}}"
                  tasks:
                    - command: id
                      become: "{{ omit }}"
                      ignore_errors: "{{ omit }}"
                """);
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        assertNull(play.become().get());
        assertNull(play.becomeUser());
        Task task = (Task) play.tasks().get(0);
        assertNull(task.options().become().get());
        assertFalse(task.options().ignoreErrors().isTrue());
    }

    @Test
    void environmentTakesATemplateOrAListMergedInOrder() {
        Play play = load("""
                - hosts: all
                  environment: "{{ proxy_env }}"
                  tasks:
                    - command: env
                      environment:
                        - "{{ more }}"
                        - {A: "1"}
                """);
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        assertEquals(Map.of(EnvironmentKeyword.TEMPLATE_KEY + "{{ proxy_env }}", "{{ proxy_env }}"), play.environment());
        Task task = (Task) play.tasks().get(0);
        assertEquals(java.util.List.of(EnvironmentKeyword.TEMPLATE_KEY + "{{ more }}", "A"),
                java.util.List.copyOf(task.options().environment().keySet()));
    }

    @Test
    void environmentThatIsNeitherMappingNorTemplateIsALoadError() {
        load("- hosts: all\n  tasks:\n    - command: env\n      environment: [1]\n");
        assertEquals("expected a mapping (or a template giving one) for 'environment', found number '1'",
                diagnostics.errors().get(0).summary());
    }

    @Test
    void becomeMethodsSudoAndSuAreAcceptedOthersAreLoadErrorsNamingWhatWorks() {
        load("- hosts: all\n  become_method: su\n  tasks:\n    - command: id\n      become_method: doas\n");
        assertEquals(1, diagnostics.errors().size(), () -> TestFiles.render(diagnostics, dir));
        assertEquals("""
                ERROR! become_method 'doas' is not supported
                 --> site.yml:5:22
                  |
                5 |       become_method: doas
                  |                      ^^^^
                  = swarmplay becomes with su, sudo; use become_method: sudo or drop it""", TestFiles.render(diagnostics, dir));
    }

    @Test
    void becomeKeywordsReachTheConnectionAsItsVariablesUnlessTheTaskSetsThem() {
        Play play = load("- hosts: all\n  become_method: su\n  tasks:\n    - command: id\n      become_method: sudo\n"
                + "      become_flags: -H\n      become_exe: /usr/bin/sudo\n      vars: {ansible_become_exe: mysudo}\n");
        assertTrue(diagnostics.errors().isEmpty(), () -> TestFiles.render(diagnostics, dir));
        assertEquals("su", play.vars().get("ansible_become_method"));
        Map<String, Object> vars = ((Task) play.tasks().get(0)).options().vars();
        assertEquals("sudo", vars.get("ansible_become_method"));
        assertEquals("-H", vars.get("ansible_become_flags"));
        assertEquals("mysudo", vars.get("ansible_become_exe"));
    }
}
