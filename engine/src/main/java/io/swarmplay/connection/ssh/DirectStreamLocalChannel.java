package io.swarmplay.connection.ssh;

import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.connection.Connection;
import net.schmizz.sshj.connection.channel.direct.AbstractDirectChannel;

/**
 * OpenSSH's {@code direct-streamlocal@openssh.com} channel: a byte stream to a unix socket on the
 * server (e.g. {@code /var/run/docker.sock}), opened as the SSH user. Not a session channel, so
 * sshd's {@code MaxSessions} does not count it.
 */
final class DirectStreamLocalChannel extends AbstractDirectChannel {

    private final String socketPath;

    DirectStreamLocalChannel(Connection connection, String socketPath) {
        super(connection, "direct-streamlocal@openssh.com");
        this.socketPath = socketPath;
    }

    // the open request carries: string socket path, string reserved, uint32 reserved
    @Override
    protected SSHPacket buildOpenReq() {
        return super.buildOpenReq().putString(socketPath).putString("").putUInt32(0);
    }
}
