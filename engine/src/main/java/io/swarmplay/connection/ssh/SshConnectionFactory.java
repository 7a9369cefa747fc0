package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionFactory;
import io.swarmplay.connection.ConnectionSettings;

/**
 * The {@code ssh} connection type. {@link #open} only resolves the settings: the SSH connection
 * is made on the first call that needs it and then kept for the whole run.
 */
public final class SshConnectionFactory implements ConnectionFactory {

    @Override
    public String type() {
        return "ssh";
    }

    @Override
    public Connection open(ConnectionSettings settings) {
        return new SshConnection(settings);
    }
}
