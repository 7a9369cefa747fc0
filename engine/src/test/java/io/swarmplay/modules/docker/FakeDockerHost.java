package io.swarmplay.modules.docker;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ReadOnlyHost;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A host for Docker case tests: its only service is a {@link FakeDockerEndpoint}. It has no
 * files and runs no commands (a Docker module must not need them); control files resolve
 * against the case's directory; writes and progress are recorded.
 */
final class FakeDockerHost implements HostSession {

    final FakeDockerEndpoint docker;
    final Path controlDir;
    final List<String> progress = new ArrayList<>();

    FakeDockerHost(FakeDockerEndpoint docker, Path controlDir) {
        this.docker = docker;
        this.controlDir = controlDir;
    }

    @Override
    public String name() {
        return "web1";
    }

    @Override
    public ExecResult probe(Command command) {
        throw new AssertionError("a Docker module probed a command: " + command);
    }

    @Override
    public ExecResult run(Command command) {
        throw new AssertionError("a Docker module ran a command: " + command);
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
        throw new AssertionError("a Docker module read a host file: " + path);
    }

    @Override
    public void write(String path, InputStream content, FileAttrs attrs) {
        docker.calls.add("write host file " + path);
    }

    @Override
    public Object evaluate(String expression) {
        throw new AssertionError("unexpected expression " + expression);
    }

    @Override
    public boolean test(String expression) {
        throw new AssertionError("unexpected condition " + expression);
    }

    @Override
    public Path controlFile(String path, String kind) {
        return controlDir.resolve(path);
    }

    @Override
    public String renderTemplate(Path template) {
        throw new AssertionError("unexpected template " + template);
    }

    @Override
    public <T> Optional<T> extension(Class<T> type) {
        return type == DockerEndpoint.class ? Optional.of(type.cast(docker)) : Optional.empty();
    }

    /** This host as the runner hands it to {@code plan}: read-only by type, its engine a {@link DockerReader} view. */
    HostView readOnly() {
        return new ReadOnlyHost(this, new ReadOnlyHost.Services() {
            @Override
            public <T> Optional<T> readOnly(Class<T> type) {
                return type == DockerReader.class ? Optional.of(type.cast(DockerReader.readOnly(docker))) : Optional.empty();
            }

            @Override
            public Optional<HostView> otherHost(String name) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void progress(String message) {
        progress.add(message);
    }
}
