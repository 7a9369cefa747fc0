package io.swarmplay.connection.ssh;

import io.swarmplay.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Python module from the playbook's {@code library/} run on a host over SSH: the host needs Python, not Ansible. */
class SshPythonModuleIT {

    @TempDir
    Path dir;
    private SshdHost host;

    @BeforeEach
    void start() throws Exception {
        host = SshdHost.start("127.0.0.43");
        Files.writeString(dir.resolve("inventory.yaml"), "all:\n  vars:\n    ansible_user: " + SshdHost.USER + "\n"
                + "    ansible_python_interpreter: /usr/bin/python3\n  hosts:\n" + host.inventoryEntry("host-1"));
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    @Test
    void aModuleRunsOnTheHostWithModuleUtilsShippedAndItsTemporaryFilesRemoved() throws Exception {
        Files.createDirectories(dir.resolve("library"));
        Files.writeString(dir.resolve("library/whoami_py.py"), """
                #!/usr/bin/python
                import getpass, os
                from ansible.module_utils.basic import AnsibleModule
                m = AnsibleModule(argument_spec=dict(word=dict(required=True)))
                m.exit_json(changed=False, user=getpass.getuser(), word=m.params['word'], here=os.path.dirname(__file__))
                """);
        Path playbook = dir.resolve("site.yaml");
        Files.writeString(playbook, """
                - hosts: host-1
                  gather_facts: false
                  tasks:
                    - whoami_py: {word: over-ssh}
                      register: r
                    - assert:
                        that: [r.user == 'USER', r.word == 'over-ssh', r is not changed]
                    - stat: {path: "{{ r.here }}"}
                      register: tmp
                    - assert: {that: [not tmp.stat.exists]}
                """.replace("USER", SshdHost.USER));
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"-i", dir.resolve("inventory.yaml").toString(), playbook.toString()},
                new PrintWriter(out, true), new PrintWriter(out, true));
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("host-1                     : ok=4    changed=0"), out.toString());
    }
}
