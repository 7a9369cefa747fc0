package io.swarmplay.playbook;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Ansible renders a static import's file name when it loads the playbook, with the variables known
 * then (extra vars, the play's vars, the import's own vars, playbook_dir, role_path): never a host's.
 */
class ImportFileNameTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void anImportedFileNameUsesPlayVarsImportVarsExtraVarsAndRolePath() {
        TestFiles.write(dir, "from_play.yml", "- {name: from play, debug: {msg: a}}\n");
        TestFiles.write(dir, "from_own.yml", "- {name: from own vars, debug: {msg: a}}\n");
        TestFiles.write(dir, "from_extra.yml", "- {name: from extra vars, debug: {msg: a}}\n");
        TestFiles.write(dir, "roles/r/tasks/main.yml", "- import_tasks: \"{{ role_path }}/tests/check.yml\"\n");
        TestFiles.write(dir, "roles/r/tests/check.yml", "- {name: from role_path, debug: {msg: a}}\n");
        Path site = TestFiles.write(dir, "site.yml", """
                - hosts: all
                  vars: {which: play}
                  roles: [r]
                  tasks:
                    - import_tasks: "{{ playbook_dir }}/from_{{ which }}.yml"
                    - import_tasks: "from_{{ mine }}.yml"
                      vars: {mine: own}
                    - import_tasks: "from_{{ given }}.yml"
                """);
        Playbook playbook = new PlaybookLoader(TestModules.registry()).extraVars(Map.of("given", "extra")).load(site, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        assertEquals(List.of("from role_path", "from play", "from own vars", "from extra vars"), names(playbook.plays().get(0).tasks()));
    }

    @Test
    void anImportedPlaybookNameUsesItsVarsAndExtraVarsAndItsPlaysSeeItsVarsAtLoad() {
        TestFiles.write(dir, "p1.yml", "- hosts: all\n  tasks: [{name: in p1, debug: {msg: a}}]\n");
        TestFiles.write(dir, "p2.yml", """
                - hosts: all
                  vars: {other: 1}
                  tasks:
                    - import_role: {name: "{{ role_to_use }}"}
                """);
        TestFiles.write(dir, "roles/r/tasks/main.yml", "- {name: in role r, debug: {msg: a}}\n");
        Path site = TestFiles.write(dir, "site.yml", """
                - import_playbook: "{{ pb }}"
                - import_playbook: "{{ mine }}"
                  vars: {mine: p2.yml, role_to_use: r}
                """);
        Playbook playbook = new PlaybookLoader(TestModules.registry()).extraVars(Map.of("pb", "p1.yml")).load(site, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        assertEquals(List.of("in p1"), names(playbook.plays().get(0).tasks()));
        assertEquals(List.of("in role r"), names(playbook.plays().get(1).tasks()));
    }

    @Test
    void anImportedRoleNameAndItsFromFilesUseTheVariablesKnownAtLoad() {
        TestFiles.write(dir, "roles/r/tasks/main.yml", "- {name: r main, debug: {msg: a}}\n");
        TestFiles.write(dir, "roles/r/tasks/other.yml", "- {name: r other, debug: {msg: a}}\n");
        TestFiles.write(dir, "roles/r/vars/more.yml", "from_vars_from: 1\n");
        Path site = TestFiles.write(dir, "site.yml", """
                - hosts: all
                  vars: {role: r}
                  tasks:
                    - import_role: {name: "{{ role }}"}
                    - import_role: {name: r, tasks_from: "{{ tf }}", vars_from: "{{ given }}"}
                      vars: {tf: other}
                """);
        Playbook playbook = new PlaybookLoader(TestModules.registry()).extraVars(Map.of("given", "more")).load(site, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        assertEquals(List.of("r main", "r other"), names(playbook.plays().get(0).tasks()));
        RoleCall second = (RoleCall) playbook.plays().get(0).tasks().get(1);
        assertEquals(1, second.role().vars().get("from_vars_from"));
    }

    @Test
    void theVariablesKnownAtLoadIncludeVarsFilesBlockVarsAndTheRolesDefaultsAndVars() {
        TestFiles.write(dir, "vf.yml", "from_file: a\n");
        TestFiles.write(dir, "a.yml", "- {name: via vars_files, debug: {msg: a}}\n");
        TestFiles.write(dir, "b.yml", "- {name: via block vars, debug: {msg: a}}\n");
        TestFiles.write(dir, "roles/r/defaults/main.yml", "d: dflt\n");
        TestFiles.write(dir, "roles/r/vars/main.yml", "v: rvars\n");
        TestFiles.write(dir, "roles/r/tasks/main.yml", "- import_tasks: \"{{ d }}.yml\"\n- import_tasks: \"{{ v }}.yml\"\n");
        TestFiles.write(dir, "roles/r/tasks/dflt.yml", "- {name: via role defaults, debug: {msg: a}}\n");
        TestFiles.write(dir, "roles/r/tasks/rvars.yml", "- {name: via role vars, debug: {msg: a}}\n");
        Path site = TestFiles.write(dir, "site.yml", """
                - hosts: all
                  vars_files: [vf.yml]
                  roles: [r]
                  tasks:
                    - import_tasks: "{{ from_file }}.yml"
                    - block:
                        - import_tasks: "{{ in_block }}.yml"
                      vars: {in_block: b}
                """);
        Playbook playbook = new PlaybookLoader(TestModules.registry()).load(site, diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        assertEquals(List.of("via role defaults", "via role vars", "via vars_files", "via block vars"),
                names(playbook.plays().get(0).tasks()));
    }

    @Test
    void anUndefinedVariableInAnImportPlaybookOrImportRoleNameIsAnsiblesUndefinedErrorAtTheName() {
        TestFiles.write(dir, "roles/r/tasks/main.yml", "- debug: {msg: a}\n");
        Path site = TestFiles.write(dir, "site.yml", """
                - import_playbook: "{{ nope }}.yml"
                - hosts: all
                  tasks:
                    - import_role: {name: "{{ who }}"}
                    - import_role:
                        name: r
                        tasks_from: "{{ which }}"
                """);
        new PlaybookLoader(TestModules.registry()).load(site, diagnostics);
        assertEquals("""
                ERROR! 'nope' is undefined. 'nope' is undefined
                 --> site.yml:1:20
                  |
                1 | - import_playbook: "{{ nope }}.yml"
                  |                    ^^^^^^^^^^^^^^^^
                  = define it in the import's vars or with -e

                ERROR! 'who' is undefined. 'who' is undefined
                 --> site.yml:4:27
                  |
                4 |     - import_role: {name: "{{ who }}"}
                  |                           ^^^^^^^^^^^
                  = define it in vars, vars_files or with -e, or use include_role

                ERROR! 'which' is undefined. 'which' is undefined
                 --> site.yml:7:21
                  |
                7 |         tasks_from: "{{ which }}"
                  |                     ^^^^^^^^^^^^^
                  = define it in vars, vars_files or with -e, or use include_role""", TestFiles.render(diagnostics, dir));
    }

    private static List<String> names(List<TaskNode> nodes) {
        return nodes.stream().flatMap(n -> n instanceof Block b ? names(b.block()).stream()
                : n instanceof RoleCall r ? names(r.role().tasks()).stream()
                : n instanceof Task t ? java.util.stream.Stream.of(t.name()) : java.util.stream.Stream.empty()).toList();
    }
}
