package io.swarmplay.connection.docker;

import io.swarmplay.connection.ConnectionException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;

/**
 * Starts a created exec over a connection of its own ({@code POST /exec/ID/start} upgraded to a
 * raw stream, as the docker CLI and docker-py do), writes the stdin bytes, half-closes the
 * connection so the process reads end-of-file, and collects stdout and stderr until the engine
 * closes the stream. Unix sockets and plain {@code tcp://}; not TLS.
 */
final class HijackedExec {

    /** What the process wrote, and whether the timeout cut it off. */
    record Output(byte[] stdout, byte[] stderr, boolean timedOut) {
    }

    private HijackedExec() {
    }

    static Output run(String address, String hostName, String execId, byte[] stdin, boolean tty, Duration timeout) {
        try (SocketChannel channel = open(address, hostName)) {
            Timer watchdog = new Timer("exec-timeout", true);
            boolean[] fired = {false};
            if (timeout != null) watchdog.schedule(new TimerTask() {
                @Override
                public void run() {
                    fired[0] = true;
                    closeQuietly(channel);
                }
            }, timeout.toMillis());
            try {
                String body = "{\"Detach\":false,\"Tty\":" + tty + "}";
                String request = "POST /exec/" + execId + "/start HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
                        + "Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
                write(channel, request.getBytes(StandardCharsets.US_ASCII));
                InputStream in = Channels.newInputStream(channel);
                String status = headers(in);
                if (!status.contains(" 101 ") && !status.contains(" 200 ")) {
                    throw new DockerException("cannot start exec " + execId + " on " + hostName + ": " + status.strip());
                }
                write(channel, stdin);
                channel.shutdownOutput();
                return frames(in, tty, false);
            } catch (IOException e) {
                if (fired[0]) return new Output(new byte[0], new byte[0], true);
                throw e;
            } finally {
                watchdog.cancel();
            }
        } catch (IOException e) {
            throw new ConnectionException("cannot reach Docker on " + hostName + ": " + address + ": " + e.getMessage(), e);
        }
    }

    private static SocketChannel open(String address, String hostName) throws IOException {
        URI uri = URI.create(address);
        if ("unix".equals(uri.getScheme())) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(uri.getPath()));
            return channel;
        }
        if ("tcp".equals(uri.getScheme())) return SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
        throw new DockerException("cannot send stdin to an exec on " + hostName + " over " + address
                + ": only unix:// and tcp:// without TLS are supported");
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) channel.write(buffer);
    }

    /** Reads the HTTP response head; its status line. */
    private static String headers(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("the engine closed the connection before answering");
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        return text.substring(0, text.indexOf('\r'));
    }

    /** Docker's multiplexed stream (8-byte headers: stream type, size), or the raw stream of a TTY. */
    private static Output frames(InputStream in, boolean tty, boolean timedOut) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        if (tty) {
            in.transferTo(out);
            return new Output(out.toByteArray(), err.toByteArray(), timedOut);
        }
        byte[] header = new byte[8];
        while (in.readNBytes(header, 0, 8) == 8) {
            int size = ByteBuffer.wrap(header, 4, 4).getInt();
            byte[] payload = in.readNBytes(size);
            (header[0] == 2 ? err : out).writeBytes(payload);
        }
        return new Output(out.toByteArray(), err.toByteArray(), timedOut);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing on timeout: the reader reports it
        }
    }
}
