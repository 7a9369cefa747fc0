package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionException;
import io.swarmplay.connection.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sshd killed (with its session processes) under an open connection. */
class SshDroppedConnectionIT {

    private SshdHost host;
    private Connection ssh;

    @BeforeEach
    void start() throws Exception {
        host = SshdHost.start("127.0.0.32");
        ssh = new SshConnectionFactory().open(host.settings());
        assertEquals("up", ssh.exec(Command.of("echo", "up")).stdoutTrimmed());
    }

    @AfterEach
    void stop() throws Exception {
        ssh.close();
        host.close();
    }

    private String prefix() {
        return "connection reset by 127.0.0.32:" + host.port + " (ssh swarmplay-it@127.0.0.32:" + host.port
                + ", host it-host): ";
    }

    @Test
    void theNextCallAfterADropFailsNamingTheHostAndDoesNotReconnect() throws Exception {
        host.kill();
        ConnectionException first = assertThrows(ConnectionException.class, () -> ssh.exec(Command.of("true")));
        assertTrue(first.getMessage().startsWith(prefix()), first.getMessage());
        ConnectionException again = assertThrows(ConnectionException.class,
                () -> ssh.read("/etc/hostname", new ByteArrayOutputStream()));
        assertEquals(first.getMessage(), again.getMessage());
        // the kernel closes the killed sshd's socket with a FIN or, with data in flight, a RST
        assertTrue(List.of(prefix() + "Broken transport; encountered EOF", prefix() + "Connection reset", prefix() + "Broken pipe")
                .contains(first.getMessage()), first.getMessage());
    }

    @Test
    void aCommandRunningWhenTheConnectionDropsFailsWithConnectionException() throws Exception {
        CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> ssh.exec(Command.of("sleep", "20")));
        Thread.sleep(500);
        host.kill();
        ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(15, TimeUnit.SECONDS));
        ConnectionException dropped = assertInstanceOf(ConnectionException.class, e.getCause());
        assertTrue(dropped.getMessage().startsWith(prefix()), dropped.getMessage());
    }

    @Test
    void closeNeverThrowsAndLaterCallsSayClosed() {
        host.kill();
        ssh.close();
        ssh.close();
        ConnectionException e = assertThrows(ConnectionException.class, () -> ssh.exec(Command.of("true")));
        assertEquals("the ssh connection to swarmplay-it@127.0.0.32:" + host.port + " is closed", e.getMessage());
    }
}
