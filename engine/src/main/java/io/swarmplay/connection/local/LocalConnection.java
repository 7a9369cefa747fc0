package io.swarmplay.connection.local;

import io.swarmplay.connection.Become;
import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;

import io.swarmplay.connection.CancelledException;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The control node itself as a host. Commands are child processes (through {@link Become} under become) (argv without a shell; shell
 * commands are already {@code /bin/sh -c script}); files go through NIO. A leading {@code ~} in
 * a path is the user's home.
 *
 * <p>Missing files: {@link #stat} and {@link #sha256} return empty; {@link #read} throws an
 * {@link java.io.UncheckedIOException} "no such file: PATH". Other I/O failures are
 * {@code UncheckedIOException}s naming the path (never the content). Thread-safe; holds nothing
 * to close.
 */
public final class LocalConnection implements Connection {

    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final Become become;
    private volatile boolean cancelled;

    public LocalConnection() {
        this(null);
    }

    /** A connection whose commands run through {@code become} (files are still read and written as this user). */
    public LocalConnection(Become become) {
        this.become = become;
    }

    @Override
    public ExecResult exec(Command command) {
        if (cancelled) throw new CancelledException("interrupted: not starting '" + command + "' on the control node");
        ExecResult result = LocalProcess.run(become == null ? command : become.wrap(command), running);
        if (cancelled) throw new CancelledException("interrupted: '" + command + "' on the control node was killed");
        return result;
    }

    @Override
    public String shownExec(Command command) {
        return Connection.super.shownExec(become == null ? command : become.wrap(command));
    }

    /** Kills every running command with all its descendants and refuses new ones. */
    @Override
    public void cancel() {
        cancelled = true;
        running.forEach(LocalProcess::killTree);
    }

    @Override
    public Optional<FileStat> stat(String path) {
        return LocalFiles.stat(path);
    }

    @Override
    public Optional<String> sha256(String path) {
        return LocalFiles.sha256(path);
    }

    @Override
    public void read(String path, OutputStream sink) {
        LocalFiles.read(path, sink);
    }

    @Override
    public void write(String path, InputStream content, FileAttrs attrs) {
        LocalFiles.write(path, content, attrs == null ? FileAttrs.DEFAULT : attrs);
    }

    @Override
    public boolean onControlNode() {
        return true;
    }

    @Override
    public String describe() {
        return "local";
    }

    @Override
    public void close() {
        // nothing held: processes end with each exec
    }
}
