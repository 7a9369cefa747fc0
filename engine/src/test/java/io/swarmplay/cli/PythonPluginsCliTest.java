package io.swarmplay.cli;

import io.swarmplay.source.TestFiles;
import io.swarmplay.template.python.PythonInterpreter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Filter plugins beside the playbook and in its roles, as ansible-playbook 2.14 finds them (checked with it). */
class PythonPluginsCliTest {

    @TempDir
    Path dir;

    private static String plugin(String filters) {
        return "class FilterModule(object):\n    def filters(self):\n        return {" + filters + "}\n";
    }

    @Test
    void everyRoleOfThePlaybookProvidesItsFiltersToEveryPlayInLoadOrder() {
        assumeTrue(PythonInterpreter.find(System.getenv()).isPresent(), "needs a python3");
        TestFiles.write(dir, "filter_plugins/my.py", plugin("'who': lambda x: 'playbook'"));
        TestFiles.write(dir, "roles/r1/filter_plugins/my.py", plugin("'r1my': lambda x: 'r1my'"));
        TestFiles.write(dir, "roles/r1/filter_plugins/other.py", plugin("'who2': lambda x: 'r1', 'r1only': lambda x: 'r1only'"));
        TestFiles.write(dir, "roles/r1/tasks/main.yml", "- debug: msg=\"r1 {{ 1 | who2 }}\"\n");
        TestFiles.write(dir, "roles/r2/filter_plugins/zz.py", plugin("'who2': lambda x: 'r2'"));
        TestFiles.write(dir, "roles/r2/tasks/main.yml", "- debug: msg=\"r2 {{ 1 | who2 }}\"\n");
        Path playbook = TestFiles.write(dir, "site.yml", """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug: msg="{{ 1 | who }} {{ 1 | who2 }} {{ 1 | r1only }}"
                    - debug: msg="{{ 1 | r1my }}"
                      ignore_errors: true
                - hosts: localhost
                  gather_facts: false
                  roles: [r2, r1]
                """);
        CliTest.Result run = CliTest.swarmplay("-i", "localhost,", "-c", "local", playbook.toString(),
                "-e", "swarmplay_lock_dir=" + dir.resolve("locks"));
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("\"msg\": \"playbook r2 r1only\""), run.out());
        assertTrue(run.out().contains("unknown filter 'r1my'"), "a file name already loaded is skipped: " + run.out());
        assertTrue(run.out().contains("\"msg\": \"r1 r2\""), run.out());
        assertTrue(run.out().contains("ok=4") && run.out().contains("ignored=1"), run.out());
    }

    @Test
    void aSyntaxCheckStartsNoPythonAndAnActionPluginIsAModule() {
        TestFiles.write(dir, "filter_plugins/broken.py", "this is not python\n");
        TestFiles.write(dir, "action_plugins/my_action.py", "# an action plugin\n");
        Path playbook = TestFiles.write(dir, "site.yml", """
                - hosts: localhost
                  tasks:
                    - my_action: x=1
                """);
        CliTest.Result run = CliTest.swarmplay("-i", "localhost,", "--syntax-check", playbook.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().isEmpty() || !run.err().contains("broken"), run.err());
    }
}
