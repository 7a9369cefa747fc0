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

    private static List<String> names(List<TaskNode> nodes) {
        return nodes.stream().flatMap(n -> n instanceof Block b ? names(b.block()).stream()
                : n instanceof RoleCall r ? names(r.role().tasks()).stream()
                : n instanceof Task t ? java.util.stream.Stream.of(t.name()) : java.util.stream.Stream.empty()).toList();
    }
}
