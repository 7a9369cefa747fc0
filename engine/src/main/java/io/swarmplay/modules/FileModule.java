package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.PreviewData;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Manages what kind of thing is at a path and its attributes, as ansible-core 2.14's file module:
 * a directory, an empty file (touch), a symbolic or hard link, nothing, or only the mode, owner,
 * group and times of what is there.
 * <pre>{@code
 * - file: {path: /srv/app, state: directory, mode: "0755", owner: app, recurse: true}
 * - file: {path: /srv/app/current, state: link, src: /srv/app/releases/42}
 * - file: {path: /tmp/old, state: absent}
 * }</pre>
 * Without {@code state} it is the path's current kind (else {@code directory} with
 * {@code recurse}, else {@code file}). The result names the path ({@code path}, or {@code dest}
 * for touch and links) with what is there afterwards: {@code state} (file, directory, link, hard,
 * absent), {@code uid}, {@code gid}, {@code owner}, {@code group}, {@code mode}, {@code size}, and
 * the {@code diff}. The states' rules are in {@link FileStates}.
 */
@ModuleInfo(name = "file", checkMode = CheckSupport.FULL)
public final class FileModule implements Module<FileModule.Args> {

    /** {@code unsafe_writes} and the SELinux/attribute arguments change nothing here. */
    public record Args(@Required @Alias({"dest", "name"}) String path,
                       @Default(Default.NONE) @Choices({"file", "directory", "touch", "absent", "link", "hard"}) String state,
                       Object mode, String owner, String group, boolean recurse, String src, boolean force,
                       @Default("true") boolean follow, String access_time, String modification_time,
                       @Default("%Y%m%d%H%M.%S") String access_time_format,
                       @Default("%Y%m%d%H%M.%S") String modification_time_format, boolean unsafe_writes,
                       @Alias("attr") String attributes, String seuser, String serole, String selevel, String setype,
                       String _original_basename, Boolean _diff_peek) {

        /** These arguments for {@code otherPath} in {@code given} state (Ansible's additional_parameter_handling). */
        Args with(String otherPath, String given) {
            return new Args(otherPath, given, mode, owner, group, recurse, src, force, follow, access_time, modification_time,
                    access_time_format, modification_time_format, unsafe_writes, attributes, seuser, serole, selevel, setype,
                    _original_basename, _diff_peek);
        }
    }

    /** What apply runs and what the result holds; {@code created}: a touch that makes the file (removed again on failure). */
    record Planned(List<Command> commands, Map<String, Object> result, String infoPath, Map<String, Object> previewInfo,
                   String created) implements PreviewData {
        @Override
        public Map<String, Object> previewData() {
            Map<String, Object> data = new LinkedHashMap<>(result);
            data.putAll(previewInfo);
            return data;
        }
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args given, HostView host) {
        Args args = withParameters(given, host);
        if (given._diff_peek() != null) return diffPeek(args.path(), host);
        FileAttributesEdit edit = new FileAttributesEdit(host, args);
        if (!args.state().equals("absent")) edit.warnUnknownAccounts();
        return new FileStates(args, host, edit).plan();
    }

    /**
     * Ansible's {@code additional_parameter_handling}: a directory given as the path of a file or
     * hard link means the file of the src's name in it; no state means the current one; recurse
     * needs a directory, src a link.
     */
    static Args withParameters(Args given, HostView host) {
        String path = given.path();
        String state = given.state();
        if (!"link".equals(state) && !"absent".equals(state)) {
            String basename = given._original_basename() != null ? given._original_basename()
                    : given.src() != null ? java.nio.file.Path.of(given.src()).getFileName().toString() : null;
            if (basename != null && PathFacts.read(host, path).map(PathFacts::isDirectory).orElse(false)) {
                path = path.endsWith("/") ? path + basename : path + "/" + basename;
            }
        }
        if (state == null) {
            Optional<PathFacts> now = PathFacts.read(host, path);
            state = now.isPresent() ? now.get().state() : given.recurse() ? "directory" : "file";
        }
        if (given.recurse() && !state.equals("directory")) {
            throw new ModuleException("recurse option requires state to be 'directory'", Map.of("path", path));
        }
        if (given.src() != null && !state.equals("link") && !state.equals("hard")) {
            throw new ModuleException("src option requires state to be 'link' or 'hard'", Map.of("path", path));
        }
        return given.with(path, state);
    }

    /** Ansible's {@code _diff_peek}: whether the first 8192 bytes hold a NUL (then the file looks binary). */
    private static Change diffPeek(String path, HostView host) {
        String script = "head -c 8192 -- \"$1\" 2>/dev/null | tr -d '\\000' | wc -c; head -c 8192 -- \"$1\" 2>/dev/null | wc -c";
        ExecResult counts = host.probe(Command.of("sh", "-c", script, "sh", path));
        List<String> lines = counts.stdout().lines().map(String::strip).toList();
        boolean binary = lines.size() == 2 && !lines.get(0).equals(lines.get(1));
        return Results.none(path + " peeked", Map.of("path", path, "appears_binary", binary));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Planned planned = (Planned) change.payload();
        try {
            for (Command command : planned.commands()) io.swarmplay.modules.support.CommandSupport.require(host, command);
        } catch (RuntimeException failed) {
            // Ansible's execute_touch: a file it has just created is removed again when setting its attributes fails
            if (planned.created() != null) host.run(Command.of("rm", "-f", "--", planned.created()));
            throw failed;
        }
        Map<String, Object> data = new LinkedHashMap<>(planned.result());
        if (planned.infoPath() != null) PathFacts.read(host, planned.infoPath()).ifPresent(f -> data.putAll(f.pathInfo()));
        return Outcome.changed(change).withData(data);
    }
}
