package io.swarmplay.connection;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The become line of each method, in the shape Ansible 2.14's sudo and su plugins give it. */
class BecomeTest {

    @Test
    void noBecomeWithoutAnsibleBecome() {
        assertNull(Become.from(Map.of("ansible_become_user", "app")));
        assertNull(Become.from(Map.of("ansible_become", "no", "ansible_become_method", "su")));
    }

    @Test
    void sudoIsTheDefaultWithAnsiblesFlagsAndNeverPrompts() {
        Become root = Become.from(Map.of("ansible_become", true));
        assertEquals(new Become("sudo", "root", "sudo", "-H -S -n"), root);
        assertEquals("exec sudo -H -S -n -u root -- /bin/sh -c 'id -u'", root.wrap("id -u"));
        Become flagged = Become.from(Map.of("ansible_become", "yes", "ansible_become_flags", "-H -S -n",
                "ansible_become_exe", "/usr/bin/sudo", "ansible_become_user", "app"));
        assertEquals("exec /usr/bin/sudo -H -S -n -u app -- /bin/sh -c 'id -u'", flagged.wrap("id -u"));
    }

    @Test
    void suRunsTheLineThroughAShellAsAnsiblesPluginDoes() {
        Become su = Become.from(Map.of("ansible_become", true, "ansible_become_method", "su", "ansible_become_user", "fetcher"));
        assertEquals("exec su fetcher -c '/bin/sh -c '\"'\"'echo hi'\"'\"''", su.wrap("echo hi"));
        Become login = Become.from(Map.of("ansible_become", true, "ansible_become_method", "su", "ansible_become_flags", "-l"));
        assertTrue(login.wrap("id").startsWith("exec su -l root -c "), login.wrap("id"));
    }

    @Test
    void aCommandKeepsItsDirectoryAndEnvironmentInsideTheBecome() {
        Command c = Command.of("make", "all").withEnv(Map.of("B", "x y", "A", "1")).inDirectory("/srv/my app");
        Command wrapped = Become.sudo("app").wrap(c);
        assertTrue(wrapped.shell());
        assertEquals("exec sudo -H -S -n -u app -- /bin/sh -c 'cd '\"'\"'/srv/my app'\"'\"' && exec env A=1 '\"'\"'B=x y'\"'\"' make all'",
                wrapped.toShellLine());
    }

    @Test
    void aShellCommandKeepsItsOwnShellInsideTheBecome() {
        Command bash = new Command(java.util.List.of("/usr/bin/bash", "-c", "echo $0"), true, Map.of(), null, null, null);
        assertEquals("exec sudo -H -S -n -u app -- /bin/sh -c 'exec /usr/bin/bash -c '\"'\"'echo $0'\"'\"''",
                Become.sudo("app").wrap(bash).toShellLine());
        assertTrue(Become.sudo("app").wrap(Command.shell("id")).toShellLine().contains("exec /bin/sh -c"));
    }

    @Test
    void otherMethodsAreRefusedWhenTheHostConnects() {
        assertTrue(assertThrows(ConnectionException.class, () -> Become.from(Map.of("ansible_become", true,
                "ansible_become_method", "doas"))).getMessage().contains("become_method 'doas' is not supported"));
    }
}
