package io.swarmplay.cli;

import io.swarmplay.source.TestFiles;
import io.swarmplay.template.python.PythonInterpreter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The user's Python modules ({@code library/}) and action plugins ({@code action_plugins/}) run as
 * ansible-playbook 2.14 runs them (outputs and recaps checked with it on the same playbooks).
 */
class PythonModulesCliTest {

    private static final String MODULE = """
            #!/usr/bin/python
            from ansible.module_utils.basic import AnsibleModule
            def main():
                m = AnsibleModule(argument_spec=dict(name=dict(required=True), secret=dict(no_log=True),
                                                     path=dict(), fail=dict(type='bool', default=False)),
                                  supports_check_mode=True)
                if m.params['fail']:
                    m.fail_json(msg='asked to fail: %s' % m.params['name'])
                if m.params['path']:
                    open(m.params['path'], 'w').write('written')
                m.warn('a warning from greet')
                m.exit_json(changed=True, greeting='hello ' + m.params['name'], ansible_facts=dict(greet_fact=42))
            main()
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void needsAnsibleCore() {
        assumeTrue(PythonInterpreter.find(System.getenv()).map(PythonModulesCliTest::hasAnsible).orElse(false),
                "needs a Python 3 with ansible-core (for its module_utils)");
        TestFiles.write(dir, "library/greet.py", MODULE);
    }

    private static boolean hasAnsible(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import ansible.module_utils.basic").start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private CliTest.Result run(String playbook, String... more) {
        Path file = TestFiles.write(dir, "site.yml", playbook);
        List<String> args = new ArrayList<>(List.of("-i", "localhost,", "-c", "local", file.toString(),
                "-e", "swarmplay_lock_dir=" + dir.resolve("locks")));
        args.addAll(List.of(more));
        return CliTest.swarmplay(args.toArray(String[]::new));
    }

    @Test
    void aModuleInLibraryRunsWithItsArgumentsItsResultIsRegisteredItsFactsSetAndItsNoLogValuesHidden() {
        CliTest.Result run = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - greet: {name: world, secret: TOPSECRET}
                      register: r
                    - debug: var=r
                    - debug: var=greet_fact
                    - greet: {name: x, fail: true}
                      ignore_errors: true
                """, "-vvv");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("\"greeting\": \"hello world\""), run.out());
        assertTrue(run.out().contains("\"greet_fact\": 42"), run.out());
        assertTrue(run.err().contains("[WARNING]: a warning from greet"), run.err());
        assertTrue(run.out().contains("fatal: [localhost]: FAILED! => {") && run.out().contains("\"msg\": \"asked to fail: x\""), run.out());
        assertFalse(run.out().contains("TOPSECRET") || run.err().contains("TOPSECRET"), run.out() + run.err());
        assertTrue(run.out().contains("ok=4    changed=1") && run.out().contains("ignored=1"), run.out());
    }

    @Test
    void aModuleThatPrintsNoJsonFailsWithAnsiblesModuleFailure() {
        TestFiles.write(dir, "library/junk.py", "#!/usr/bin/python3\nimport sys\nprint('not json')\nsys.stderr.write('oops\\n')\nsys.exit(3)\n");
        CliTest.Result run = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - junk:
                """);
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("{\"changed\": false, \"module_stderr\": \"oops\\n\", \"module_stdout\": \"not json\\n\", "
                + "\"msg\": \"MODULE FAILURE\\nSee stdout/stderr for the exact error\", \"rc\": 3}"), run.out());
    }

    @Test
    void anAsyncJobsModuleThatRaisesHasAsyncWrappersResultWithTheTracebackAsStderr() {
        TestFiles.write(dir, "library/boom.py", "#!/usr/bin/python3\nfrom ansible.module_utils.basic import AnsibleModule\n"
                + "AnsibleModule(argument_spec={})\nraise Exception('failing via exception')\n");
        CliTest.Result run = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - boom:
                      async: 10
                      poll: 1
                      register: r
                      ignore_errors: true
                    - assert:
                        that:
                          - r is failed and r is not changed and r.finished == 1
                          - r.stderr is search('failing via exception')
                          - r.stderr_lines[-1] == 'Exception: failing via exception'
                          - r.data == '' and r.module_stderr is not defined
                """);
        assertEquals(0, run.code(), run.out() + run.err());
    }

    @Test
    void anAnsibleBuiltinModuleSwarmplayLacksRunsFromTheControlNodesAnsibleCoreAndIsIdempotent() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        String key = "example.test ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFjo3hZCRe8P+EI9WAa2XjMGi6wclA++goWynRWYNBu4";
        CliTest.Result run = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - known_hosts: {path: PATH, name: example.test, key: KEY}
                      register: added
                    - ansible.builtin.known_hosts: {path: PATH, name: example.test, key: KEY}
                      register: again
                    - assert:
                        that: [added is changed, again is not changed]
                """.replace("PATH", knownHosts.toString()).replace("KEY", "'" + key + "'"));
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("ok=3    changed=1"), run.out());
        assertEquals(key + "\n", Files.readString(knownHosts));
    }

    @Test
    void anActionPluginRunsAnAnsibleCoreModuleSwarmplayLacks() throws Exception {
        TestFiles.write(dir, "action_plugins/trust.py", """
                from ansible.plugins.action import ActionBase
                class ActionModule(ActionBase):
                    def run(self, tmp=None, task_vars=None):
                        result = super(ActionModule, self).run(tmp, task_vars)
                        result.update(self._execute_module(module_name='ansible.builtin.known_hosts',
                                                           module_args=self._task.args, task_vars=task_vars))
                        return result
                """);
        Path knownHosts = dir.resolve("known_hosts");
        CliTest.Result run = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - trust: {path: PATH, name: example.test, key: 'example.test ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ=='}
                """.replace("PATH", knownHosts.toString()));
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("changed: [localhost]"), run.out());
        assertTrue(Files.readString(knownHosts).startsWith("example.test ssh-rsa "), run.out());
    }

    @Test
    void aPlanNeverRunsAModuleAndCheckModeSkipsIt() {
        Path written = dir.resolve("written.txt");
        String playbook = """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - greet: {name: x, path: PATH}
                """.replace("PATH", written.toString());
        run(playbook, "--plan");
        run(playbook, "--check");
        assertFalse(Files.exists(written), "neither --plan nor --check ran the module");
        CliTest.Result check = run(playbook, "--check");
        assertTrue(check.out().contains("skipping: [localhost]"), check.out());
        run(playbook);
        assertTrue(Files.exists(written), "a real run ran it");
    }

    @Test
    void anActionPluginRunsTheModuleItShadowsAndBuiltinsThroughTheActionLoader() {
        TestFiles.write(dir, "action_plugins/greet.py", """
                from ansible.plugins.action import ActionBase
                class ActionModule(ActionBase):
                    def run(self, tmp=None, task_vars=None):
                        result = super(ActionModule, self).run(tmp, task_vars)
                        result.update(self._execute_module(module_args=dict(name=self._task.args['who']), task_vars=task_vars))
                        self._task.args = {'_raw_params': 'echo from-shell; exit 3'}
                        shell = self._shared_loader_obj.action_loader.get('ansible.legacy.shell', task=self._task,
                                                                          connection=self._connection)
                        out = shell.run(task_vars=task_vars)
                        result['shell_rc'] = out['rc']
                        result['shell_out'] = out['stdout']
                        return result
                """);
        CliTest.Result run = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - greet: {who: there}
                      register: r
                    - assert:
                        that: [r.greeting == 'hello there', r.shell_rc == 3, r.shell_out == 'from-shell', r is changed]
                """);
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("ok=2    changed=1"), run.out());
    }

    @Test
    void anActionPluginUsingWhatTheShimLacksFailsNamingThePluginAndTheAttribute() {
        TestFiles.write(dir, "action_plugins/odd.py", """
                from ansible.plugins.action import ActionBase
                class ActionModule(ActionBase):
                    def run(self, tmp=None, task_vars=None):
                        return {'tmp': self._connection._shell.tmpdir}
                """);
        CliTest.Result run = run("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - odd:
                """);
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("the action plugin 'odd' (" + dir.resolve("action_plugins/odd.py")
                + ") uses self._connection._shell, which swarmplay's ActionBase does not provide"), run.out());
        assertFalse(run.out().contains("Traceback"), run.out());
    }
}
