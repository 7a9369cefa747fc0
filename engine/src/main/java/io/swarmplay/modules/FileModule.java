package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;
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
import io.swarmplay.modules.support.AttributeCheck;
import io.swarmplay.modules.support.Attributes;
import io.swarmplay.modules.support.CommandSupport;
import io.swarmplay.modules.support.FileMode;
import io.swarmplay.modules.support.ManagedFile;
import io.swarmplay.modules.support.Ownership;
import io.swarmplay.modules.support.Results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Manages what kind of thing is at a path and its attributes: a directory, an empty file, a
 * symbolic link, nothing, or just the mode/owner of an existing file.
 * <pre>{@code
 * - file: {path: /srv/app, state: directory, mode: "0755", owner: app, recurse: true}
 * - file: {path: /srv/app/current, state: link, src: /srv/app/releases/42}
 * - file: {path: /tmp/old, state: absent}
 * }</pre>
 * {@code state: file} (the default) only manages attributes and fails if the file is missing;
 * {@code touch} reports a change unless both times are {@code preserve} (as in Ansible).
 */
@ModuleInfo(name = "file", checkMode = CheckSupport.FULL)
public final class FileModule implements Module<FileModule.Args> {

    /**
     * {@code follow} is accepted as Ansible's (true: attributes of a link's target change, which
     * is what chmod/chown do here); {@code unsafe_writes} and the SELinux/attribute arguments
     * change nothing here. Times: {@code now}, {@code preserve}, or a time in the format
     * {@code %Y%m%d%H%M.%S} (the only format supported).
     */
    public record Args(@Required @Alias({"dest", "name"}) String path,
                       @Default(Default.NONE) @Choices({"file", "directory", "touch", "absent", "link", "hard"}) String state,
                       Object mode, String owner, String group, boolean recurse, String src, boolean force,
                       @Default("true") boolean follow, String access_time, String modification_time,
                       @Default("%Y%m%d%H%M.%S") String access_time_format,
                       @Default("%Y%m%d%H%M.%S") String modification_time_format, boolean unsafe_writes,
                       @Alias("attr") String attributes, String seuser, String serole, String selevel, String setype) {

        /** These arguments with {@code state} given. */
        Args withState(String given) {
            return new Args(path, given, mode, owner, group, recurse, src, force, follow, access_time, modification_time,
                    access_time_format, modification_time_format, unsafe_writes, attributes, seuser, serole, selevel, setype);
        }
    }

    /** Ansible's {@code state} when none is given: the path's current kind, else directory with recurse, else file. */
    static String currentState(Optional<FileStat> now, boolean recurse) {
        if (now.isEmpty()) return recurse ? "directory" : "file";
        return switch (now.get().type()) {
            case DIRECTORY -> "directory";
            case LINK -> "link";
            default -> "file";
        };
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args given, HostView host) {
        Optional<FileStat> now = host.stat(given.path());
        Args args = given.state() != null ? given : given.withState(currentState(now, given.recurse()));
        checkStateOptions(args);
        Change change = switch (args.state()) {
            case "absent" -> absent(args, now);
            case "directory" -> directory(args, now, host);
            case "touch" -> touch(args, now, host);
            case "link" -> link(args, now, host);
            case "hard" -> hard(args, now, host);
            default -> file(args, now, host);
        };
        Change timed = FileTimes.of(args).addTo(change, args.path(), host);
        if (timed.isNone() && timed.payload() != null) return timed;
        Map<String, Object> diff = FileDiff.of(args, now, !timed.isNone() && timed != change, host);
        if (!timed.isNone()) return timed.withPayload(new Planned(castCommands(timed.payload()), diff, args));
        Map<String, Object> data = now.isPresent() && !"absent".equals(args.state()) ? described(args.path(), now.get())
                : new java.util.LinkedHashMap<>(Map.of("path", args.path(), "state", "absent"));
        data.put("diff", diff);
        return Results.none(timed.summary(), data);
    }

    /** Ansible's {@code additional_parameter_handling}: options that need a state, checked once it is known. */
    private static void checkStateOptions(Args args) {
        if (args.recurse() && !args.state().equals("directory")) {
            throw new ModuleException("recurse option requires state to be 'directory'", Map.of("path", args.path()));
        }
        if (args.src() != null && !args.state().equals("link") && !args.state().equals("hard")) {
            throw new ModuleException("src option requires state to be 'link' or 'hard'", Map.of("path", args.path()));
        }
    }

    /** What apply runs, and the diff a preview registers too. */
    record Planned(List<Command> commands, Map<String, Object> diff, Args args) implements PreviewData {
        @Override
        public Map<String, Object> previewData() {
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("path", args.path());
            data.put("state", args.state());
            data.put("diff", diff);
            return data;
        }
    }

    /** What Ansible's file registers for a path it left alone: its state, mode, owner, group and size. */
    private static Map<String, Object> described(String path, FileStat stat) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("path", path);
        data.put("state", switch (stat.type()) {
            case DIRECTORY -> "directory";
            case LINK -> "link";
            default -> "file";
        });
        data.put("mode", stat.modeOctal());
        data.put("owner", stat.owner());
        data.put("group", stat.group());
        data.put("size", stat.size());
        return data;
    }

    private static Change hard(Args args, Optional<FileStat> now, HostView host) {
        if (args.src() == null) throw new ModuleException("src is required for creating new hard links");
        if (host.stat(args.src()).isEmpty()) throw new ModuleException("src does not exist");
        List<Command> make = List.of(Command.of("ln", "-f", "--", args.src(), args.path()));
        if (now.isEmpty()) return Change.create("hard link " + args.path() + " to " + args.src()).withPayload(make);
        String same = "[ " + io.swarmplay.connection.ShellQuote.quote(args.path()) + " -ef "
                + io.swarmplay.connection.ShellQuote.quote(args.src()) + " ]";
        if (host.probe(Command.shell(same)).succeeded()) return Change.none(args.path() + " is already a hard link to " + args.src());
        if (!args.force() && now.get().type() != FileStat.Type.FILE) {
            throw new ModuleException("Cannot link, " + kind(now.get()) + " exists at destination");
        }
        return Change.update("relink " + args.path() + " to " + args.src()).withPayload(make);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Outcome apply(Args args, Change change, HostSession host) {
        Planned planned = (Planned) change.payload();
        for (Command command : planned.commands()) CommandSupport.require(host, command);
        String state = planned.args().state();
        Map<String, Object> data = new java.util.LinkedHashMap<>(Map.of("path", args.path(), "state", state));
        if (!state.equals("absent")) data.putAll(ManagedFile.attributes(args.path(), host));
        data.put("diff", planned.diff());
        return Outcome.changed(change).withData(data);
    }

    private static Change absent(Args args, Optional<FileStat> now) {
        if (now.isEmpty()) return Change.none(args.path() + " is already absent");
        if (args.path().replaceAll("/+", "/").equals("/")) throw new ModuleException("refusing to remove /");
        String what = now.get().isDirectory() ? "directory " + args.path() + " and everything in it" : args.path();
        return Change.delete("remove " + what).withPayload(List.of(Command.of("rm", "-rf", "--", args.path())));
    }

    private static Change directory(Args args, Optional<FileStat> now, HostView host) {
        if (now.isEmpty()) {
            List<Command> commands = new ArrayList<>(List.of(Command.of("mkdir", "-p", args.path())));
            commands.addAll(newAttributes(args, 0755, true, host));
            return Change.create("create directory " + args.path()).withPayload(commands);
        }
        requireKind(args, now.get(), FileStat.Type.DIRECTORY, host);
        return args.recurse() ? AttributeCheck.compareTree(wanted(args), host)
                : AttributeCheck.compare(wanted(args), now.get(), "directory", host);
    }

    private static Change file(Args args, Optional<FileStat> now, HostView host) {
        if (now.isEmpty()) {
            // Ansible's words and result keys (playbooks read state: absent); state: touch would create it
            throw new ModuleException("file (" + args.path() + ") is absent, cannot continue",
                    Map.of("path", args.path(), "state", "absent"));
        }
        requireKind(args, now.get(), FileStat.Type.FILE, host);
        return AttributeCheck.compare(wanted(args), now.get(), "file", host);
    }

    private static Change touch(Args args, Optional<FileStat> now, HostView host) {
        List<Command> commands = new ArrayList<>(List.of(Command.of("touch", args.path())));
        if (now.isEmpty()) {
            commands.addAll(newAttributes(args, 0644, false, host));
            return Change.create("create empty file " + args.path()).withPayload(commands);
        }
        // an existing path: its times are access_time/modification_time's (now by default), see FileTimes
        return AttributeCheck.compare(wanted(args), now.get(), kind(now.get()), host);
    }

    /**
     * Ansible's {@code ensure_symlink}: without {@code src} an existing link keeps the path it points to
     * (with {@code follow}, the attributes given are then its target's).
     */
    private static Change link(Args args, Optional<FileStat> now, HostView host) {
        boolean isLink = now.isPresent() && now.get().type() == FileStat.Type.LINK;
        String src = args.src() == null && isLink ? now.get().target() : args.src();
        if (src == null) throw new ModuleException("src is required for creating new symlinks");
        Change link = args.src() == null ? Change.none(args.path() + " already links to " + src) : linkTo(args, now, host);
        return withTargetAttributes(link, args, absolute(args.path(), src), host);
    }

    private static Change linkTo(Args args, Optional<FileStat> now, HostView host) {
        String absrc = absolute(args.path(), args.src());
        if (!args.force() && host.stat(absrc).isEmpty()) {
            throw new ModuleException("src file does not exist, use \"force=yes\" if you really want to create the link: " + absrc,
                    Map.of("path", args.path(), "src", args.src()));
        }
        List<Command> make = List.of(Command.of("ln", "-sfn", args.src(), args.path()));
        if (now.isEmpty()) return Change.create("link " + args.path() + " -> " + args.src()).withPayload(make);
        FileStat stat = now.get();
        if (stat.type() == FileStat.Type.LINK) {
            if (args.src().equals(stat.target())) return Change.none(args.path() + " already links to " + args.src());
            return Change.update("relink " + args.path() + ": " + stat.target() + " → " + args.src()).withPayload(make);
        }
        if (!args.force()) {
            throw new ModuleException(args.path() + " on " + host.name() + " is a " + kind(stat)
                    + ", not a link; set force: true to replace it with a link");
        }
        // Ansible's ensure_symlink: an empty directory is replaced, one holding anything is refused
        if (stat.type() == FileStat.Type.DIRECTORY && !emptyDirectory(args.path(), host)) {
            throw new ModuleException("the directory " + args.path() + " is not empty, refusing to convert it");
        }
        Command remove = stat.type() == FileStat.Type.DIRECTORY ? Command.of("rmdir", "--", args.path())
                : Command.of("rm", "-f", "--", args.path());
        return Change.update("replace " + kind(stat) + " " + args.path() + " with a link to " + args.src())
                .withPayload(List.of(remove, make.get(0)));
    }

    private static boolean emptyDirectory(String path, HostView host) {
        ExecResult listed = host.probe(Command.of("find", path, "-mindepth", "1", "-maxdepth", "1", "-print", "-quit"));
        if (listed.rc() != 0) throw new ModuleException("cannot list " + path + " on " + host.name() + ": " + listed.stderr().strip());
        return listed.stdout().isBlank();
    }

    /**
     * Ansible reads the attributes' path once the link is made: with {@code follow}, the target it points
     * to (when that exists) takes mode/owner/group.
     */
    private static Change withTargetAttributes(Change link, Args args, String target, HostView host) {
        boolean attributes = args.mode() != null || args.owner() != null || args.group() != null;
        Optional<FileStat> followed = args.follow() && attributes ? host.stat(target) : Optional.empty();
        if (followed.isEmpty()) return link;
        AttributeCheck.Wanted want = new AttributeCheck.Wanted(target, args.mode(), args.owner(), args.group());
        Change attrs = AttributeCheck.compare(want, followed.get(), kind(followed.get()), host);
        if (attrs.isNone()) return link;
        if (link.isNone()) return attrs;
        List<Command> commands = new ArrayList<>(castCommands(link.payload()));
        commands.addAll(castCommands(attrs.payload()));
        return new Change(link.action(), link.summary() + "; " + attrs.summary(), link.diff(), commands);
    }

    private static String absolute(String link, String src) {
        return src.startsWith("/") ? src : java.nio.file.Path.of(link).resolveSibling(src).toString();
    }

    /** chown/chmod for a path about to be created; ownership is checked now so plan reports it. */
    private static List<Command> newAttributes(Args args, int defaultMode, boolean directory, HostView host) {
        Ownership.requireAllowed(host, args.path(), args.owner(), args.group());
        Integer mode = FileMode.parse(args.mode(), defaultMode, directory);
        return Attributes.fixes(args.path(), mode, args.owner(), args.group(), false);
    }

    private static void requireKind(Args args, FileStat stat, FileStat.Type wanted, HostView host) {
        if (stat.type() == wanted) return;
        throw new ModuleException(args.path() + " on " + host.name() + " is a " + kind(stat) + ", not a "
                + kind(wanted) + "; remove it first (state: absent) or choose another path");
    }

    private static AttributeCheck.Wanted wanted(Args args) {
        return new AttributeCheck.Wanted(args.path(), args.mode(), args.owner(), args.group());
    }

    private static String kind(FileStat stat) {
        return kind(stat.type());
    }

    private static String kind(FileStat.Type type) {
        return type == FileStat.Type.LINK ? "symbolic link" : type.name().toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static List<Command> castCommands(Object payload) {
        return (List<Command>) payload;
    }
}
