package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import io.swarmplay.connection.ShellQuote;
import io.swarmplay.module.HostSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writable side of a {@link FakeHostView}, sharing its files: records every command run
 * (by its shell line; a shell other than /bin/sh as {@code bash -c 'script'}; canned results by
 * that line, else rc 0), every file written (and updates the files), and
 * every progress message.
 */
class FakeSession extends FakeHostView implements HostSession {

    /** One atomic write. */
    record Write(String path, byte[] content, FileAttrs attrs) {
    }

    final Map<String, ExecResult> runs;
    final List<String> commands = new ArrayList<>();
    final Map<String, Write> writes = new LinkedHashMap<>();
    final List<String> progress = new ArrayList<>();

    FakeSession(FakeHostView view, Map<String, ExecResult> runs) {
        super(view.name, view.files, view.probes, view.expressions, view.facts, view.controlDirs);
        this.runs = runs;
    }

    @Override
    public ExecResult run(Command command) {
        String line = command.toShellLine();
        boolean otherShell = command.shell() && !command.argv().get(0).equals("/bin/sh");
        commands.add(otherShell ? command.argv().get(0) + " -c " + ShellQuote.quote(line) : line);
        return runs.getOrDefault(line, result(0, "", ""));
    }

    @Override
    public void write(String path, InputStream content, FileAttrs attrs) {
        try {
            // like a real host: no file appears in a directory that does not exist
            int slash = path.lastIndexOf('/');
            if (slash > 0 && !stat(path.substring(0, slash)).map(FileStat::isDirectory).orElse(false)) {
                throw new UncheckedIOException(new java.nio.file.NoSuchFileException(path.substring(0, slash)));
            }
            byte[] bytes = content.readAllBytes();
            writes.put(path, new Write(path, bytes, attrs));
            Optional<FileStat> old = stat(path);
            int mode = attrs.mode() != null ? attrs.mode() : old.map(FileStat::mode).orElse(0644);
            files.put(normalize(path), new FakeFile(FileStat.Type.FILE, bytes, mode,
                    attrs.owner() != null ? attrs.owner() : "root", attrs.group() != null ? attrs.group() : "root", null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void progress(String message) {
        progress.add(message);
    }
}
