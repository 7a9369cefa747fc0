package io.swarmplay.connection.ssh;

import io.swarmplay.connection.ConnectionException;
import net.schmizz.sshj.SSHClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Serves a remote unix socket on a local one: every local connection gets its own
 * {@code direct-streamlocal} channel over the host's SSH connection, pumped both ways by two
 * threads. The local socket lives in a private 0700 directory (a TCP port would let any local
 * user reach a root-equivalent Docker API); both go away on {@link #close()}.
 */
final class SocketForwarder implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final String remoteSocket;
    private final Supplier<SSHClient> client;
    private final ExecutorService pool;
    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;

    SocketForwarder(String remoteSocket, Supplier<SSHClient> client, ExecutorService pool) throws IOException {
        this.remoteSocket = remoteSocket;
        this.client = client;
        this.pool = pool;
        this.dir = Files.createTempDirectory("swarmplay-fwd-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        this.socket = dir.resolve("remote.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
        pool.execute(this::accept);
    }

    Path socket() {
        return socket;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel local = server.accept();
                pool.execute(() -> serve(local));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel local) {
        try (local; DirectStreamLocalChannel remote = open()) {
            InputStream in = remote.getInputStream();
            OutputStream out = remote.getOutputStream();
            pool.execute(() -> toRemote(local, out));
            fromRemote(in, local);
        } catch (IOException | RuntimeException e) {
            // the client sees its connection closed; the runner reports the SSH failure itself
        }
    }

    private DirectStreamLocalChannel open() throws IOException {
        SSHClient c = client.get();
        DirectStreamLocalChannel channel = new DirectStreamLocalChannel(c.getConnection(), remoteSocket);
        channel.open();
        return channel;
    }

    // the channel's own read/write: on JDK 17 Channels.newInputStream/newOutputStream share one lock
    private static void toRemote(SocketChannel local, OutputStream out) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (out) {
            while (local.read(buffer) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                out.flush();
                buffer.clear();
            }
        } catch (IOException e) {
            // either side closed
        }
    }

    private static void fromRemote(InputStream in, SocketChannel local) throws IOException {
        byte[] bytes = new byte[BUFFER];
        for (int n; (n = in.read(bytes)) >= 0; ) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n);
            while (buffer.hasRemaining()) local.write(buffer);
        }
        local.shutdownOutput();
    }

    /** Checks the server accepts streamlocal forwarding to the socket (a clear error now rather than a hung client later). */
    void probe() {
        try (DirectStreamLocalChannel channel = open()) {
            channel.getOutputStream().flush();
        } catch (IOException e) {
            throw new ConnectionException("cannot forward " + remoteSocket + " over ssh: " + SshLink.rootMessage(e)
                    + " (is AllowStreamLocalForwarding on, and may the login user open the socket?)", e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // best effort on the way out
        }
    }
}
