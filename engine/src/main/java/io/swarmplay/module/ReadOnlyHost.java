package io.swarmplay.module;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;
import io.swarmplay.connection.StateUnknownException;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a module's {@code plan} gets: a step's host as a {@link HostView} and nothing more. It is
 * not a {@link HostSession}, so no cast reaches {@code run} or {@code write}; its extensions are
 * their read-only views (a {@code DockerReader}, never the Docker endpoint); another host it hands
 * out is read-only too.
 *
 * <p>As a {@link Basis#FRESH fresh} host ({@code --plan --offline}) it is never contacted: no file
 * exists on it (unless an earlier step of the plan writes that path: then what is there is known
 * after apply), so files, directories and templates are creates; what a command would print or a
 * file would hold is known after apply. Expressions, templates and files of the control node are
 * evaluated as usual.
 */
public final class ReadOnlyHost implements HostView {

    /** What the view answers from: the live host, or a fresh (empty) one that is never contacted. */
    public enum Basis { LIVE, FRESH }

    private final HostView host;
    private final Services services;
    private final Basis basis;

    /** Where the view finds the read-only side of its host's extensions, and other hosts (read-only). */
    public interface Services {

        /** The read-only view of the host's extension of read-only type {@code type}; empty when there is none. */
        <T> Optional<T> readOnly(Class<T> type);

        /** Another inventory host, read-only; empty when there is none. */
        Optional<HostView> otherHost(String name);

        /** On a fresh host: whether an earlier step of the plan writes {@code path} (then what is there is known after apply). */
        default boolean writtenEarlier(String path) {
            return false;
        }
    }

    public ReadOnlyHost(HostView host, Services services) {
        this(host, services, Basis.LIVE);
    }

    public ReadOnlyHost(HostView host, Services services, Basis basis) {
        this.host = host;
        this.services = services;
        this.basis = basis;
    }

    @Override
    public String name() {
        return host.name();
    }

    @Override
    public ExecResult probe(Command command) {
        if (basis == Basis.FRESH) throw new StateUnknownException("the output of '" + command + "' on " + name());
        return host.probe(command);
    }

    @Override
    public Optional<FileStat> stat(String path) {
        return basis == Basis.FRESH ? fresh(path) : host.stat(path);
    }

    @Override
    public Optional<String> sha256(String path) {
        return basis == Basis.FRESH ? fresh(path).map(stat -> "") : host.sha256(path);
    }

    /** Nothing is at a path of a fresh host, unless an earlier step of the plan writes it: then it is known after apply. */
    private Optional<FileStat> fresh(String path) {
        if (services.writtenEarlier(path)) throw new StateUnknownException("what is at " + path + " on " + name() + " after the earlier steps that write it");
        return Optional.empty();
    }

    @Override
    public void readInto(String path, OutputStream sink) {
        if (basis == Basis.FRESH) throw new StateUnknownException("the contents of " + path + " on " + name());
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
    public boolean isData(String argument) {
        return host.isData(argument);
    }

    @Override
    public boolean resultRead() {
        return host.resultRead();
    }

    @Override
    public int verbosity() {
        return host.verbosity();
    }

    @Override
    public boolean nativeTypes() {
        return host.nativeTypes();
    }

    @Override
    public String undefinedReason(String expression) {
        return host.undefinedReason(expression);
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
    public String renderTemplate(Path template, java.util.function.UnaryOperator<String> syntax,
                                 java.util.Map<String, Object> templateVars) {
        return host.renderTemplate(template, syntax, templateVars);
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
