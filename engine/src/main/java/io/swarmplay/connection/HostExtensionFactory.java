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

    /**
     * The read-only side of the service, which is all a module's {@code plan} may reach: a type
     * with no method that changes the host, and how to see a service through it. Null (the
     * default) when the service has none: plan steps then cannot reach it at all.
     */
    default ReadOnlyView<T, ?> readOnly() {
        return null;
    }

    /**
     * A read-only type {@code R} of a service {@code T}, the view that shows a {@code T} as
     * nothing but an {@code R} (so no cast gets back to {@code T}'s writing methods), and the
     * {@code R} of a fresh host, holding nothing but what the plan's earlier steps create (what
     * {@code --plan --offline} plans against).
     */
    record ReadOnlyView<T, R>(Class<R> type, java.util.function.Function<? super T, ? extends R> view,
                              java.util.function.Function<EarlierSteps, ? extends R> fresh) {
    }
}
