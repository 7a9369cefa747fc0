package io.swarmplay.playbook;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Problems with roles are load errors at their own line, golden-tested as the user sees them. */
class RoleLoadErrorsTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private Playbook load(String yaml) {
        return new PlaybookLoader(TestModules.registry(), List.of(dir.resolve("shared")))
                .load(TestFiles.write(dir, "site.yml", yaml), diagnostics);
    }

    private String errors(String yaml) {
        load(yaml);
        assertTrue(diagnostics.hasErrors(), "expected errors");
        return TestFiles.render(diagnostics, dir).replace(dir.toString(), "DIR");
    }

    @Test
    void aMissingRoleListsWhereItWasLookedForAndTheClosestName() {
        TestFiles.write(dir, "roles/webserver/tasks/main.yml", "- debug: {msg: hi}\n");
        assertEquals("""
                ERROR! the role 'webservr' was not found in roles:shared:DIR
                 --> site.yml:3:7
                  |
                3 |     - webservr
                  |       ^^^^^^^^
                  = did you mean 'webserver'?""", errors("- hosts: all\n  roles:\n    - webservr\n"));
    }

    @Test
    void badMetaIsReportedInTheRolesFile() {
        TestFiles.write(dir, "roles/a/meta/main.yml", "dependecies: [b]\nallow_duplicates: maybe\n");
        assertEquals("""
                ERROR! unknown key 'dependecies' in a role's meta/main.yml
                 --> roles/a/meta/main.yml:1:1
                  |
                1 | dependecies: [b]
                  | ^^^^^^^^^^^
                  = did you mean 'dependencies'?

                ERROR! expected true or false for 'allow_duplicates', found string 'maybe'
                 --> roles/a/meta/main.yml:2:19
                  |
                2 | allow_duplicates: maybe
                  |                   ^^^^^""", errors("- hosts: all\n  roles: [a]\n"));
    }

    @Test
    void aDependencyCycleIsReported() {
        TestFiles.write(dir, "roles/a/meta/main.yml", "dependencies: [b]\n");
        TestFiles.write(dir, "roles/b/meta/main.yml", "dependencies:\n  - role: a\n");
        String errors = errors("- hosts: all\n  roles: [a]\n");
        assertTrue(errors.startsWith("ERROR! role dependency cycle: a -> b -> a\n --> roles/b/meta/main.yml:2:11"), errors);
    }

    @Test
    void importRoleProblemsAreLoadErrorsAtTheirLine() {
        TestFiles.write(dir, "roles/a/tasks/main.yml", "- debug: {msg: hi}\n");
        assertEquals("""
                ERROR! import_role cannot loop
                 --> site.yml:6:7
                  |
                6 |       loop: [1, 2]
                  |       ^^^^
                  = use include_role to run a role once per item

                ERROR! unknown option 'task_from' for import_role
                 --> site.yml:5:9
                  |
                5 |         task_from: other
                  |         ^^^^^^^^^
                  = did you mean 'tasks_from'?

                ERROR! could not find specified file in role 'a': tasks/nothere
                 --> site.yml:7:27
                  |
                7 |     - import_role: {name: a, tasks_from: nothere}
                  |                           ^
                  = the file is looked for in roles/a/tasks (with .yml, .yaml or .json added)""",
                errors("""
                        - hosts: all
                          tasks:
                            - import_role:
                                name: a
                                task_from: other
                              loop: [1, 2]
                            - import_role: {name: a, tasks_from: nothere}
                        """));
    }

    @Test
    void aFromFileMayBeInASubdirectoryButNotOutsideTheRole() {
        TestFiles.write(dir, "roles/a/tasks/main.yml", "- debug: {msg: hi}\n");
        TestFiles.write(dir, "roles/a/tasks/sub/entry.yml", "- debug: {msg: sub}\n");
        TestFiles.write(dir, "tasks/dummy.yml", "- debug: {msg: outside}\n");
        String errors = errors("""
                - hosts: all
                  tasks:
                    - import_role: {name: a, tasks_from: sub/entry}
                    - import_role: {name: a, tasks_from: ../../../tasks/dummy.yml}
                """);
        assertTrue(errors.contains("ERROR! Failed loading 'tasks/dummy.yml' for role (a) as it is not inside the expected"
                + " role path: 'roles/a/tasks'"), errors);
        assertTrue(errors.contains(" --> site.yml:4:"), errors);
        assertFalse(errors.contains("sub/entry"), errors);
    }

    @Test
    void rolesLoadWithTheirMainFileUnderAnyOfAnsiblesNames() {
        TestFiles.write(dir, "roles/a/tasks/main.yaml", "- {name: t, debug: {msg: hi}}\n");
        TestFiles.write(dir, "roles/a/defaults/main", "x: 1\n");
        TestFiles.write(dir, "shared/b/tasks/main.json", "[{\"name\": \"j\", \"debug\": {\"msg\": \"hi\"}}]\n");
        Playbook playbook = load("- hosts: all\n  roles: [a, {role: b, when: x == 1, http_port: 80}]\n");
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        List<TaskNode> tasks = playbook.plays().get(0).tasks();
        RoleCall a = (RoleCall) tasks.get(0);
        RoleCall b = (RoleCall) tasks.get(1);
        assertEquals("t", a.role().tasks().get(0).name());
        assertEquals(java.util.Map.of("x", 1), a.role().defaults());
        assertEquals("j", b.role().tasks().get(0).name());
        assertEquals(java.util.Map.of("http_port", 80), b.params());
        assertEquals(List.of("x == 1"), b.options().when());
    }
}
