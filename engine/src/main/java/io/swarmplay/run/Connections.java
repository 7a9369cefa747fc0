package io.swarmplay.run;

import io.swarmplay.connection.CancelledException;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionException;
import io.swarmplay.connection.ConnectionFactory;
import io.swarmplay.connection.ConnectionSettings;
import io.swarmplay.connection.HostExtensionFactory;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection per host for the whole run, opened on first use with the factory named by
 * {@code ansible_connection} and closed at the end of the run.
 */
final class Connections implements AutoCloseable {

    private final Map<String, Connection> open = new ConcurrentHashMap<>();
    /** Connections being opened ahead of their first step ({@link #prewarm}), by host name. */
    private final Map<String, Warming> warming = new ConcurrentHashMap<>();
    private final Map<String, Object> extensions = new ConcurrentHashMap<>();
    private volatile Map<String, ConnectionFactory> factories;
    private volatile Map<Class<?>, HostExtensionFactory<?>> extensionFactories;
    private volatile boolean cancelled;

    Connections() {
    }

    /** With these factories instead of the installed ones (tests). */
    Connections(Map<String, ConnectionFactory> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** The host's connection, opening it from its rendered variables when needed. */
    Connection forHost(String hostName, Map<String, Object> vars) {
        ConnectionSettings settings = ConnectionSettings.from(hostName, vars);
        // a task that becomes another user needs its own connection: sshd runs it differently
        String key = settings.become() ? hostName + "\u0000become:" + java.util.stream.Stream.of("user", "method", "exe", "flags")
                .map(k -> String.valueOf(vars.get("ansible_become_" + k))).collect(java.util.stream.Collectors.joining("\u0000"))
                : hostName;
        if (cancelled) throw new CancelledException("interrupted: not connecting to " + hostName);
        Connection connection = open.computeIfAbsent(key, k -> settings.become() ? openConnection(settings)
                : warmedOrOpen(settings));
        if (cancelled) connection.cancel();
        return connection;
    }

    /** A connection being opened in the background, with the settings it was started with. */
    private record Warming(ConnectionSettings settings, CompletableFuture<Connection> opening) {
    }

    /**
     * Starts opening the host's SSH connection in the background, so that a later play's first
     * step does not wait for the handshake. Nothing is reported from here: a step that then needs
     * the connection gets it, or the failure of this very attempt when it was still under way
     * (a fresh attempt when it had failed before: the host may have come up since).
     */
    void prewarm(String hostName, Map<String, Object> vars) {
        ConnectionSettings settings = ConnectionSettings.from(hostName, vars);
        if (cancelled || settings.become() || !settings.type().equals("ssh") || open.containsKey(hostName)) return;
        warming.computeIfAbsent(hostName, h -> new Warming(settings,
                CompletableFuture.supplyAsync(() -> connected(openConnection(settings)), Connections::daemon)));
    }

    private static Connection connected(Connection connection) {
        try {
            connection.connect();
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "swarmplay-connect");
        thread.setDaemon(true);
        thread.start();
    }

    private Connection warmedOrOpen(ConnectionSettings settings) {
        Warming warm = warming.remove(settings.hostName());
        if (warm == null) return openConnection(settings);
        boolean underWay = !warm.opening().isDone();
        try {
            Connection connection = warm.opening().join();
            if (warm.settings().sameLogin(settings)) return connection;
            connection.close(); // the step logs in otherwise (task-level connection variables)
        } catch (CompletionException e) {
            if (underWay && warm.settings().sameLogin(settings) && e.getCause() instanceof RuntimeException cause) throw cause;
        }
        return openConnection(settings);
    }

    /** The run was interrupted: every connection stops its running commands; none opens any more. */
    void cancelAll() {
        cancelled = true;
        open.values().forEach(Connection::cancel);
    }

    /** The host's extension of this type (e.g. its Docker endpoint), created on first use; empty when none is installed. */
    <T> java.util.Optional<T> extension(Class<T> type, String hostName, Map<String, Object> vars) {
        HostExtensionFactory<?> factory = extensionFactories().get(type);
        if (factory == null) return java.util.Optional.empty();
        Object extension = extensions.computeIfAbsent(hostName + "\u0000" + type.getName(),
                key -> factory.create(ConnectionSettings.from(hostName, vars), forHost(hostName, vars)));
        return java.util.Optional.of(type.cast(extension));
    }

    /**
     * The read-only view of the host's extension of this read-only type (e.g. a {@code DockerReader}
     * for plan steps), over the same service {@link #extension} gives; empty when none declares it.
     */
    <T> java.util.Optional<T> readOnlyExtension(Class<T> type, String hostName, Map<String, Object> vars) {
        for (HostExtensionFactory<?> factory : extensionFactories().values()) {
            java.util.Optional<T> view = readOnly(factory, type, hostName, vars);
            if (view.isPresent()) return view;
        }
        return java.util.Optional.empty();
    }

    /** The fresh (empty but for what {@code earlier} steps create) read-only service of this type, for offline plans; nothing is contacted. */
    <T> java.util.Optional<T> freshExtension(Class<T> type, io.swarmplay.connection.EarlierSteps earlier) {
        for (HostExtensionFactory<?> factory : extensionFactories().values()) {
            HostExtensionFactory.ReadOnlyView<?, ?> readOnly = factory.readOnly();
            if (readOnly != null && readOnly.type() == type) return java.util.Optional.of(type.cast(readOnly.fresh().apply(earlier)));
        }
        return java.util.Optional.empty();
    }

    private <S, T> java.util.Optional<T> readOnly(HostExtensionFactory<S> factory, Class<T> type, String hostName,
                                                  Map<String, Object> vars) {
        HostExtensionFactory.ReadOnlyView<S, ?> readOnly = factory.readOnly();
        if (readOnly == null || readOnly.type() != type) return java.util.Optional.empty();
        return extension(factory.type(), hostName, vars).map(service -> type.cast(readOnly.view().apply(service)));
    }

    private Map<Class<?>, HostExtensionFactory<?>> extensionFactories() {
        Map<Class<?>, HostExtensionFactory<?>> known = extensionFactories;
        if (known == null) {
            known = new java.util.HashMap<>();
            for (HostExtensionFactory<?> f : ServiceLoader.load(HostExtensionFactory.class)) known.put(f.type(), f);
            extensionFactories = known;
        }
        return known;
    }

    private Connection openConnection(ConnectionSettings settings) {
        ConnectionFactory factory = factories().get(settings.type());
        if (factory == null) {
            throw new ConnectionException("cannot connect to " + settings.hostName() + ": connection type '"
                    + settings.type() + "' is not available (known: " + String.join(", ", factories().keySet()) + ")");
        }
        return factory.open(settings);
    }

    private Map<String, ConnectionFactory> factories() {
        Map<String, ConnectionFactory> known = factories;
        if (known == null) {
            known = new java.util.TreeMap<>();
            for (ConnectionFactory f : ServiceLoader.load(ConnectionFactory.class)) known.put(f.type(), f);
            factories = known;
        }
        return known;
    }

    private static void closeQuietly(Object extension) {
        if (!(extension instanceof AutoCloseable closeable)) return;
        try {
            closeable.close();
        } catch (Exception e) {
            // closing at the end of a run: nothing left to tell the user
        }
    }

    @Override
    public void close() {
        for (Object extension : extensions.values()) closeQuietly(extension);
        extensions.clear();
        open.values().forEach(Connection::close);
        open.clear();
        warming.values().forEach(w -> w.opening().thenAccept(Connection::close));
        warming.clear();
    }
}
