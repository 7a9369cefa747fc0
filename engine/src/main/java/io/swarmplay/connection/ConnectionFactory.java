package io.swarmplay.connection;

/**
 * Opens connections of one type ({@code local}, {@code ssh}); found with ServiceLoader
 * ({@code META-INF/services/io.swarmplay.connection.ConnectionFactory}). Opening may be lazy:
 * a factory may return a connection that reaches the host on first use.
 */
public interface ConnectionFactory {

    /** The value of {@code ansible_connection} this factory serves. */
    String type();

    Connection open(ConnectionSettings settings);
}
