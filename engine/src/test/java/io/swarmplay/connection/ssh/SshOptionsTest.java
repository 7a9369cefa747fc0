package io.swarmplay.connection.ssh;

import io.swarmplay.connection.ConnectionSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SshOptionsTest {

    private static final Path HOME_KNOWN = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");

    private static SshOptions options(Map<String, Object> vars) {
        return SshOptions.from(new ConnectionSettings("web1", "ssh", "10.0.0.2", 2222, "deploy", "/k/id", null,
                new HashMap<>(vars)));
    }

    @Test
    void defaultsAreStrictTenSessionsTenSecondsAndNoBecome() {
        SshOptions o = options(Map.of());
        assertEquals(HostKeyPolicy.STRICT, o.hostKeyPolicy());
        assertEquals(10, o.maxSessions());
        assertEquals(Duration.ofSeconds(10), o.connectTimeout());
        assertNull(o.becomeUser());
        assertEquals(List.of(Path.of("/k/id")), o.keyFiles());
        assertEquals(List.of(HOME_KNOWN), o.knownHosts());
        assertEquals("deploy@10.0.0.2:2222", o.target());
    }

    @Test
    void knownHostsFilesComeFromArgsThenInventoryThenHome() {
        SshOptions o = options(Map.of("ansible_ssh_common_args", "-o UserKnownHostsFile=/a/kh -o StrictHostKeyChecking=no",
                "ansible_ssh_extra_args", "-oUserKnownHostsFile=\"/b/kh '/c/k h'\"", "ssh_known_hosts", "/d/kh"));
        assertEquals(List.of(Path.of("/a/kh"), Path.of("/b/kh"), Path.of("/c/k h"), Path.of("/d/kh"), HOME_KNOWN),
                o.knownHosts());
        assertEquals(HostKeyPolicy.OFF, o.hostKeyPolicy());
    }

    @Test
    void hostKeyCheckingVariableWinsOverSshArgs() {
        SshOptions o = options(Map.of("ansible_ssh_common_args", "-o StrictHostKeyChecking=no",
                "host_key_checking", "accept-new"));
        assertEquals(HostKeyPolicy.ACCEPT_NEW, o.hostKeyPolicy());
        assertEquals(HostKeyPolicy.ACCEPT_NEW, options(Map.of("ansible_ssh_common_args",
                "-o StrictHostKeyChecking accept-new")).hostKeyPolicy());
        assertEquals(HostKeyPolicy.OFF, options(Map.of("host_key_checking", false)).hostKeyPolicy());
    }

    @Test
    void badValuesNameTheVariable() {
        assertEquals("host_key_checking must be strict, accept-new or false, not 'maybe'",
                assertThrows(IllegalArgumentException.class, () -> options(Map.of("host_key_checking", "maybe"))).getMessage());
        assertEquals("ssh_max_sessions must be a positive integer, not '0'",
                assertThrows(IllegalArgumentException.class, () -> options(Map.of("ssh_max_sessions", 0))).getMessage());
    }

    @Test
    void becomeDefaultsToRootAndReadsTheUser() {
        assertEquals("root", options(Map.of("ansible_become", "yes")).becomeUser());
        assertEquals("app", options(Map.of("ansible_become", true, "ansible_become_user", "app")).becomeUser());
        assertNull(options(Map.of("ansible_become", "false", "ansible_become_user", "app")).becomeUser());
        assertEquals(64, options(Map.of("ssh_max_sessions", "64")).maxSessions());
    }

    @Test
    void withoutAKeyFileTheDefaultKeysInDotSshAreOfferedInOrder(@org.junit.jupiter.api.io.TempDir Path home)
            throws Exception {
        String saved = System.getProperty("user.home");
        try {
            System.setProperty("user.home", home.toString());
            java.nio.file.Files.createDirectories(home.resolve(".ssh"));
            for (String name : List.of("id_rsa", "id_ed25519")) java.nio.file.Files.writeString(home.resolve(".ssh/" + name), "");
            SshOptions o = SshOptions.from(new ConnectionSettings("h", "ssh", "h", 22, "u", null, null, Map.of()));
            assertEquals(List.of(home.resolve(".ssh/id_ed25519"), home.resolve(".ssh/id_rsa")), o.keyFiles());
            assertEquals(List.of(home.resolve(".ssh/known_hosts")), o.knownHosts());
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    @Test
    void theCurrentUserLogsInWhenNoneIsGiven() {
        SshOptions o = SshOptions.from(new ConnectionSettings("h", "ssh", "h", 22, null, null, Duration.ofSeconds(3), null));
        assertEquals(System.getProperty("user.name"), o.user());
        assertEquals(Duration.ofSeconds(3), o.connectTimeout());
    }
}
