package io.swarmplay.connection;

import java.nio.file.Path;

/**
 * A connection that can make a unix socket of the remote host reachable on the control node,
 * e.g. {@code /var/run/docker.sock} over SSH ({@code direct-streamlocal@openssh.com}).
 */
public interface UnixSocketForwarding {

    /**
     * Serves {@code remoteSocket} on a local unix socket in a private (0700) directory until the
     * connection closes, and returns the local socket's path. Calling it again for the same remote
     * socket returns the same path.
     *
     * @throws ConnectionException when the server refuses the forwarding, with its reason
     */
    Path forwardUnixSocket(String remoteSocket);
}
