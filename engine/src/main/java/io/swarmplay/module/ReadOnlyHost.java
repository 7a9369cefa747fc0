package io.swarmplay.module;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a module's {@code plan} gets: a step's host as a {@link HostView} and nothing more. It is
 * not a {@link HostSession}, so no cast reaches {@code run} or {@code write}; its extensions are
 * their read-only views (a {@code DockerReader}, never the Docker endpoint); another host it hands
 * out is read-only too.
 */
public final class ReadOnlyHost implements HostView {

    private final HostView host;
    private final Services services;

    /** Where the view finds the read-only side of its host's extensions, and other hosts (read-only). */
    public interface Services {

        /** The read-only view of the host's extension of read-only type {@code type}; empty when there is none. */
        <T> Optional<T> readOnly(Class<T> type);

        /** Another inventory host, read-only; empty when there is none. */
        Optional<HostView> otherHost(String name);
    }

    public ReadOnlyHost(HostView host, Services services) {
        this.host = host;
        this.services = services;
    }

    @Override
    public String name() {
        return host.name();
    }

    @Override
    public ExecResult probe(Command command) {
        return host.probe(command);
    }

    @Override
    public Optional<FileStat> stat(String path) {
        return host.stat(path);
    }

    @Override
    public Optional<String> sha256(String path) {
        return host.sha256(path);
    }

    @Override
    public void readInto(String path, OutputStream sink) {
        host.readInto(path, sink);
    }

    @Override
    public Object evaluate(String expression) {
        return host.evaluate(expression);
    }

    @Override
    public boolean test(String expression) {
        return host.test(expression);
    }

    @Override
    public Path controlFile(String path, String kind) {
        return host.controlFile(path, kind);
    }

    @Override
    public String renderTemplate(Path template) {
        return host.renderTemplate(template);
    }

    @Override
    public HostView otherHost(String name) {
        return services.otherHost(name).orElseThrow(() -> new ModuleException("there is no inventory host '" + name + "'"));
    }

    @Override
    public <T> Optional<T> extension(Class<T> type) {
        return services.readOnly(type);
    }
}
