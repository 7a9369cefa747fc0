package io.swarmplay.connection.local;

import io.swarmplay.connection.Become;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionFactory;
import io.swarmplay.connection.ConnectionSettings;

/** Opens {@code local} connections ({@code ansible_connection: local}); opening is free. */
public final class LocalConnectionFactory implements ConnectionFactory {

    @Override
    public String type() {
        return "local";
    }

    @Override
    public Connection open(ConnectionSettings settings) {
        return new LocalConnection(Become.from(settings.vars() == null ? java.util.Map.of() : settings.vars()));
    }
}
