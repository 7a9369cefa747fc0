package io.swarmplay.run;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;
import io.swarmplay.connection.StateUnknownException;
import io.swarmplay.module.HostView;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A host as {@code --plan --offline} plans it: fresh and empty, never contacted. No file exists on
 * it, so files, directories and templates are creates; what a command would print or a file would
 * hold is known after apply. Expressions, templates and files of the control node are evaluated
 * as usual, by the step's session.
 */
final class FreshHost implements HostView {

    private final HostView session;

    FreshHost(HostView session) {
        this.session = session;
    }

    @Override
    public String name() {
        return session.name();
    }

    @Override
    public ExecResult probe(Command command) {
        throw new StateUnknownException("the output of '" + command + "' on " + name());
    }

    @Override
    public Optional<FileStat> stat(String path) {
        return Optional.empty();
    }

    @Override
    public Optional<String> sha256(String path) {
        return Optional.empty();
    }

    @Override
    public void readInto(String path, OutputStream sink) {
        throw new StateUnknownException("the contents of " + path + " on " + name());
    }

    @Override
    public Object evaluate(String expression) {
        return session.evaluate(expression);
    }

    @Override
    public boolean test(String expression) {
        return session.test(expression);
    }

    @Override
    public Path controlFile(String path, String kind) {
        return session.controlFile(path, kind);
    }

    @Override
    public String renderTemplate(Path template) {
        return session.renderTemplate(template);
    }
}
