package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import io.swarmplay.connection.local.LocalConnection;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.ModuleException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The smallest HostSession over the local connection, as the runner builds one: control files
 * under {@code playbookDir}, templates read as they are (no variables), expressions unsupported
 * except the interpreter lookup the setup module makes.
 */
record LocalHost(LocalConnection connection, Path playbookDir) implements HostSession {

    public String name() {
        return "localhost";
    }

    public ExecResult probe(Command command) {
        return connection.exec(command);
    }

    public Optional<FileStat> stat(String path) {
        return connection.stat(path);
    }

    public Optional<String> sha256(String path) {
        return connection.sha256(path);
    }

    public void readInto(String path, OutputStream sink) {
        try {
            connection.read(path, sink);
        } catch (UncheckedIOException e) {
            throw new ModuleException(e.getMessage());
        }
    }

    public Object evaluate(String expression) {
        if (expression.startsWith("ansible_python_interpreter")) return "";
        if (expression.equals("ansible_check_mode")) return false;
        throw new UnsupportedOperationException(expression);
    }

    public boolean test(String expression) {
        throw new UnsupportedOperationException(expression);
    }

    public Path controlFile(String path, String kind) {
        Path given = Path.of(path);
        if (given.isAbsolute()) return given;
        Path inKind = playbookDir.resolve(kind).resolve(path);
        if (Files.exists(inKind)) return inKind;
        if (Files.exists(playbookDir.resolve(path))) return playbookDir.resolve(path);
        throw new ModuleException("could not find '" + path + "' on the control node");
    }

    public String renderTemplate(Path template) {
        return renderTemplate(template, UnaryOperator.identity(), java.util.Map.of());
    }

    @Override
    public String renderTemplate(Path template, UnaryOperator<String> syntax, java.util.Map<String, Object> templateVars) {
        try {
            return io.swarmplay.template.Templar.create().renderText(syntax.apply(Files.readString(template)),
                    templateVars, new io.swarmplay.source.SourcePosition(template, 1, 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ExecResult run(Command command) {
        return connection.exec(command);
    }

    public void write(String path, InputStream content, FileAttrs attrs) {
        connection.write(path, content, attrs);
    }

    public void progress(String message) {
    }
}
