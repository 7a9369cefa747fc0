package io.swarmplay.connection;

/**
 * Builds a per-host service on top of a host's connection, for modules to reach through
 * {@code HostView.extension(type)} — e.g. the Docker endpoint of a host. Found with ServiceLoader
 * ({@code META-INF/services/io.swarmplay.connection.HostExtensionFactory}); the runner creates
 * each extension once per host, on first use, and closes it at the end of the run when it is
 * {@link AutoCloseable}.
 *
 * @param <T> the service type modules ask for
 */
public interface HostExtensionFactory<T> {

    Class<T> type();

    /**
     * Creates the service for one host. May be called from a step's thread; must not block long
     * (connect lazily). Fails with a {@link ConnectionException} saying what was tried.
     */
    T create(ConnectionSettings settings, Connection connection);
}
