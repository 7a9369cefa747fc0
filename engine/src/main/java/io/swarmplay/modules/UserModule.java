package io.swarmplay.modules;

import io.swarmplay.connection.Command;
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
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Accounts;
import io.swarmplay.modules.support.Results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes sure a local user account exists with the given attributes, or is absent, with
 * {@code useradd}/{@code usermod}/{@code userdel}.
 * <pre>{@code
 * - user: {name: app, uid: 1500, group: app, groups: [docker], append: true, shell: /bin/bash}
 * - user: {name: old, state: absent, remove: true}
 * }</pre>
 * Registers {@code name, state, uid, group, comment, home, shell} as Ansible does.
 */
@ModuleInfo(name = "user", checkMode = CheckSupport.FULL)
public final class UserModule implements Module<UserModule.Args> {

    public record Args(@Required @Alias("user") String name, @Choices({"present", "absent"}) String state, Long uid,
                       String group, List<String> groups, boolean append, String comment, String home, String shell,
                       @Alias("createhome") @Default("true") boolean create_home, boolean system, boolean remove,
                       boolean force, String password, @Choices({"always", "on_create"}) String update_password,
                       boolean non_unique, boolean move_home, boolean local, String skeleton) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        Optional<Accounts.User> now = Accounts.user(host, args.name());
        if (args.state().equals("absent")) {
            if (now.isEmpty()) return Results.none("user " + args.name() + " does not exist", data(args, null, false));
            List<String> argv = new ArrayList<>(List.of("userdel"));
            if (args.remove()) argv.add("-r");
            if (args.force()) argv.add("-f");
            argv.add(args.name());
            return Change.delete("remove user " + args.name()).withPayload(Command.of(argv));
        }
        if (args.group() != null && Accounts.group(host, args.group()).isEmpty()) {
            throw new ModuleException("Group " + args.group() + " does not exist");
        }
        if (now.isEmpty()) return Change.create("create user " + args.name()).withPayload(useradd(args));
        List<String> changes = new ArrayList<>();
        List<String> argv = usermod(args, now.get(), host, changes);
        if (changes.isEmpty()) return Results.none("user " + args.name() + " is as wanted", data(args, now.get(), false));
        return Change.update("user " + args.name() + ": " + String.join(", ", changes)).withPayload(Command.of(argv));
    }

    private static Command useradd(Args args) {
        List<String> argv = new ArrayList<>(List.of("useradd"));
        option(argv, "-u", args.uid());
        if (args.non_unique()) argv.add("-o");
        option(argv, "-g", args.group());
        if (args.groups() != null && !args.groups().isEmpty()) option(argv, "-G", String.join(",", args.groups()));
        option(argv, "-c", args.comment());
        option(argv, "-d", args.home());
        option(argv, "-s", args.shell());
        option(argv, "-p", args.password());
        option(argv, "-k", args.skeleton());
        if (args.system()) argv.add("-r");
        argv.add(args.create_home() ? "-m" : "-M");
        argv.add(args.name());
        return Command.of(argv);
    }

    /** The {@code usermod} argv for what differs; {@code changes} names each difference. */
    private static List<String> usermod(Args args, Accounts.User now, HostView host, List<String> changes) {
        List<String> argv = new ArrayList<>(List.of("usermod"));
        if (args.uid() != null && args.uid() != now.uid()) differ(argv, changes, "-u", "uid", args.uid());
        if (args.non_unique() && argv.size() > 1) argv.add("-o");
        if (args.group() != null) {
            long gid = Accounts.group(host, args.group()).map(Accounts.Group::gid).orElse(-1L);
            if (gid != now.gid()) differ(argv, changes, "-g", "group", args.group());
        }
        if (args.comment() != null && !args.comment().equals(now.comment())) differ(argv, changes, "-c", "comment", args.comment());
        if (args.home() != null && !args.home().equals(now.home())) {
            differ(argv, changes, "-d", "home", args.home());
            if (args.move_home()) argv.add("-m");
        }
        if (args.shell() != null && !args.shell().equals(now.shell())) differ(argv, changes, "-s", "shell", args.shell());
        groups(args, host, argv, changes);
        if (args.password() != null && !"on_create".equals(args.update_password())
                && !args.password().equals(shadowHash(host, args.name()))) {
            differ(argv, changes, "-p", "password", args.password());
        }
        argv.add(args.name());
        return argv;
    }

    private static void groups(Args args, HostView host, List<String> argv, List<String> changes) {
        if (args.groups() == null) return;
        List<String> current = List.of(host.probe(Command.of("id", "-Gn", args.name())).stdoutTrimmed().split("\\s+"));
        List<String> wanted = args.groups().stream().filter(g -> !g.isBlank()).toList();
        List<String> primary = current.isEmpty() ? List.of() : current.subList(0, 1);
        List<String> supplementary = current.size() > 1 ? current.subList(1, current.size()) : List.of();
        boolean missing = !supplementary.containsAll(wanted.stream().filter(g -> !primary.contains(g)).toList());
        boolean extra = !args.append() && !wanted.containsAll(supplementary);
        if (!missing && !extra) return;
        if (args.append()) argv.add("-a");
        differ(argv, changes, "-G", "groups", String.join(",", wanted));
    }

    private static String shadowHash(HostView host, String name) {
        String[] f = host.probe(Command.of("getent", "shadow", name)).stdoutTrimmed().split(":", -1);
        return f.length > 1 ? f[1] : "";
    }

    private static void differ(List<String> argv, List<String> changes, String flag, String what, Object value) {
        argv.add(flag);
        argv.add(String.valueOf(value));
        changes.add(what.equals("password") ? "password" : what + " → " + value);
    }

    private static void option(List<String> argv, String flag, Object value) {
        if (value == null) return;
        argv.add(flag);
        argv.add(String.valueOf(value));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Command command = (Command) change.payload();
        io.swarmplay.connection.ExecResult result = host.run(command);
        if (!result.succeeded()) {
            throw new ModuleException(result.stderr().strip().isEmpty() ? "'" + command + "' failed (rc " + result.rc() + ")"
                    : result.stderr().strip(), Map.of("rc", result.rc(), "name", args.name()));
        }
        Accounts.User after = args.state().equals("present") ? Accounts.user(host, args.name()).orElse(null) : null;
        Map<String, Object> data = data(args, after, change.action() == io.swarmplay.module.Action.CREATE);
        if (args.state().equals("absent")) {
            data.put("force", args.force());
            data.put("remove", args.remove());
        }
        if (!result.stderr().isEmpty()) data.put("stderr", result.stderr());
        return Outcome.changed(change).withData(data);
    }

    /** What Ansible's user module returns: a created user's {@code system} and {@code create_home}, an existing one's {@code append} and {@code move_home}. */
    private static Map<String, Object> data(Args args, Accounts.User user, boolean created) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", args.name());
        data.put("state", args.state());
        if (user == null) return data;
        data.put("uid", user.uid());
        data.put("group", user.gid());
        data.put("comment", user.comment());
        data.put("home", user.home());
        data.put("shell", user.shell());
        if (created) {
            data.put("system", args.system());
            data.put("create_home", args.create_home());
        } else {
            data.put("append", args.append());
            data.put("move_home", args.move_home());
        }
        if (args.password() != null) data.put("password", "NOT_LOGGING_PASSWORD");
        return data;
    }
}
