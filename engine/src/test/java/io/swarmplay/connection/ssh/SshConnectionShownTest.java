package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ConnectionSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code -vvv} line of a command over SSH, in the shape of Ansible's {@code SSH: EXEC ssh ...}; nothing is contacted. */
class SshConnectionShownTest {

    @Test
    void theLineShowsTheLoginAndTheBecomeLineWithoutTheKillTag() {
        ConnectionSettings settings = new ConnectionSettings("web1", "ssh", "10.0.0.2", 2222, "deploy", null,
                Duration.ofSeconds(3), Map.of("ansible_become", true));
        SshConnection connection = new SshConnection(settings);
        try {
            assertEquals("SSH: EXEC ssh -p 2222 -l deploy 10.0.0.2 '/bin/sh -c '\"'\"'exec sudo -H -S -n -u root -- "
                            + "/bin/sh -c '\"'\"'\"'\"'\"'\"'\"'\"'exec id -u'\"'\"'\"'\"'\"'\"'\"'\"''\"'\"''",
                    connection.shownExec(Command.of("id", "-u")));
        } finally {
            connection.close();
        }
    }
}
