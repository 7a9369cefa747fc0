package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ShellQuote;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes sure a local user account exists with the given attributes, or is absent, with
 * {@code useradd}/{@code usermod}/{@code userdel}.
 * <pre>{@code
 * - user: {name: app, uid: 1500, group: app, groups: [docker], append: true, shell: /bin/bash}
 * - user: {name: old, state: absent, remove: true}
 * }</pre>
 * Registers {@code name, state, uid, group, comment, home, shell} as Ansible does. {@code expires}
 * (seconds since the epoch, negative for never) is the shadow's expiry day, {@code password_lock}
 * a {@code !} before the hash, {@code password_expire_min/max} set with {@code chage} after.
 */
@ModuleInfo(name = "user", checkMode = CheckSupport.FULL)
public final class UserModule implements Module<UserModule.Args> {

    public record Args(@Required @Alias("user") String name, @Choices({"present", "absent"}) String state, Long uid,
                       String group, List<String> groups, boolean append, String comment, String home, String shell,
                       @Alias("createhome") @Default("true") boolean create_home, boolean system, boolean remove,
                       boolean force, String password, @Choices({"always", "on_create"}) String update_password,
                       boolean non_unique, boolean move_home, boolean local, String skeleton, Double expires,
                       Boolean password_lock, Long password_expire_min, Long password_expire_max, String umask) {
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
            return Change.delete("remove user " + args.name()).withPayload(List.of(Command.of(argv)));
        }
        if (args.group() != null && Accounts.group(host, args.group()).isEmpty()) {
            throw new ModuleException("Group " + args.group() + " does not exist");
        }
        if (now.isEmpty()) return Change.create("create user " + args.name()).withPayload(List.of(useradd(args)));
        List<String> changes = new ArrayList<>();
        String[] shadow = readsShadow(args) ? shadow(host, args.name()) : new String[0];
        List<String> argv = usermod(args, now.get(), host, shadow, changes);
        List<Command> commands = new ArrayList<>(argv.size() > 2 ? List.of(Command.of(argv)) : List.of());
        String home = args.home() != null ? args.home() : now.get().home();
        boolean moved = args.home() != null && !args.home().equals(now.get().home()) && args.move_home();
        if (args.create_home() && !moved && host.stat(home).isEmpty()) {
            commands.add(createHome(args, home));
            changes.add("create home " + home);
        }
        if (chage(args, shadow) != null) changes.add("password expiry");
        if (changes.isEmpty()) return Results.none("user " + args.name() + " is as wanted", data(args, now.get(), false));
        return Change.update("user " + args.name() + ": " + String.join(", ", changes)).withPayload(commands);
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
        if (args.expires() != null) option(argv, "-e", expiryDay(args.expires()).map(LocalDate::toString).orElse(""));
        if (args.password() != null) option(argv, "-p", (Boolean.TRUE.equals(args.password_lock()) ? "!" : "") + args.password());
        option(argv, "-k", args.skeleton());
        if (args.system()) argv.add("-r");
        argv.add(args.create_home() ? "-m" : "-M");
        if (args.create_home() && args.umask() != null) option(argv, "-K", "UMASK=" + args.umask());
        argv.add(args.name());
        return Command.of(argv);
    }

    /** The {@code usermod} argv for what differs; {@code changes} names each difference. */
    private static List<String> usermod(Args args, Accounts.User now, HostView host, String[] shadow, List<String> changes) {
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
        expires(args, shadow, argv, changes);
        String hash = shadow.length > 1 ? shadow[1] : "";
        // Ansible: lock when not locked, unlock only when locked; a new hash replaces both
        if (Boolean.TRUE.equals(args.password_lock()) && !hash.startsWith("!")) {
            argv.add("-L");
            changes.add("password locked");
        } else if (Boolean.FALSE.equals(args.password_lock()) && hash.startsWith("!")) {
            argv.add("-U");
            changes.add("password unlocked");
        }
        if (args.password() != null && !"on_create".equals(args.update_password())
                && !stripLock(hash).equals(stripLock(args.password()))) {
            argv.removeAll(List.of("-L", "-U"));
            differ(argv, changes, "-p", "password", (Boolean.TRUE.equals(args.password_lock()) ? "!" : "") + args.password());
        }
        argv.add(args.name());
        return argv;
    }

    /**
     * Ansible's missing-home fallback ({@code create_homedir}, {@code chown_homedir}): the skeleton
     * copied (else an empty folder), its mode from login.defs' {@code UMASK}, all of it the user's.
     */
    private static Command createHome(Args args, String home) {
        String skel = ShellQuote.quote(args.skeleton() != null ? args.skeleton() : "/etc/skel");
        String h = ShellQuote.quote(home);
        return Command.shell("if [ -e " + skel + " ]; then cp -a " + skel + " " + h + "; else mkdir -p " + h + "; fi"
                + " && u=$(sed -n 's/^UMASK[[:space:]]\\{1,\\}\\([0-9]\\{1,\\}\\)$/\\1/p' /etc/login.defs 2>/dev/null | tail -n 1)"
                + " && { [ -z \"$u\" ] || chmod \"$(printf %o $(( 0777 & ~0$u )))\" " + h + "; }"
                + " && chown -R " + ShellQuote.quote(args.name()) + ": " + h);
    }

    /** {@code -e}: a day other than the shadow's, or no expiry ({@code ''}) for a negative time when one is set. */
    private static void expires(Args args, String[] shadow, List<String> argv, List<String> changes) {
        if (args.expires() == null) return;
        long current = shadowNumber(shadow, 7);
        Optional<LocalDate> wanted = expiryDay(args.expires());
        if (wanted.isEmpty()) {
            if (current >= 0) differ(argv, changes, "-e", "expires", "");
        } else if (current < 0 || !LocalDate.ofEpochDay(current).equals(wanted.get())) {
            differ(argv, changes, "-e", "expires", wanted.get().toString());
        }
    }

    /** The UTC day of {@code expires} seconds since the epoch; empty (never expires) before the epoch. */
    static Optional<LocalDate> expiryDay(double expires) {
        long seconds = (long) Math.floor(expires);
        if (seconds < 0) return Optional.empty();
        return Optional.of(LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC));
    }

    /** Ansible's {@code set_password_expire}: {@code chage -m/-M} for what differs from the shadow, else null. */
    static Command chage(Args args, String[] shadow) {
        List<String> argv = new ArrayList<>(List.of("chage"));
        if (args.password_expire_min() != null && args.password_expire_min() != shadowNumber(shadow, 3)) {
            option(argv, "-m", args.password_expire_min());
        }
        if (args.password_expire_max() != null && args.password_expire_max() != shadowNumber(shadow, 4)) {
            option(argv, "-M", args.password_expire_max());
        }
        if (argv.size() == 1) return null;
        argv.add(args.name());
        return Command.of(argv);
    }

    private static String stripLock(String hash) {
        int i = 0;
        while (i < hash.length() && hash.charAt(i) == '!') i++;
        return hash.substring(i);
    }

    /** A number field of the shadow entry; -1 when empty or missing (as Python's spwd). */
    private static long shadowNumber(String[] shadow, int index) {
        if (shadow.length <= index || shadow[index].isBlank()) return -1;
        try {
            return Long.parseLong(shadow[index].strip());
        } catch (NumberFormatException e) {
            return -1;
        }
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

    /** Ansible's {@code check_password_encrypted} (not on macOS): a crypt(3) hash, or one of the values that disable the account. */
    static boolean looksHashed(String password) {
        if (Set.of("*", "!", "*************").contains(password)) return true;
        if (password.chars().anyMatch(c -> c == ':' || c == '*' || c == '!') || !password.contains("$")) return false;
        String[] fields = password.split("\\$", -1);
        if (fields.length < 3) return false;
        String hash = fields[fields.length - 1];
        if (!hash.matches("[a-zA-Z0-9./=]*")) return false;
        return switch (fields[1]) {
            case "1" -> hash.length() == 22;
            case "5" -> hash.length() == 43;
            case "6" -> hash.length() == 86;
            default -> true;
        };
    }

    private static boolean readsShadow(Args args) {
        return (args.password() != null && !"on_create".equals(args.update_password())) || args.password_lock() != null || args.expires() != null
                || args.password_expire_min() != null || args.password_expire_max() != null;
    }

    /** The user's shadow entry, split at {@code :}. */
    private static String[] shadow(HostView host, String name) {
        return host.probe(Command.of("getent", "shadow", name)).stdoutTrimmed().split(":", -1);
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
        @SuppressWarnings("unchecked")
        List<Command> commands = new ArrayList<>((List<Command>) change.payload());
        StringBuilder stderr = new StringBuilder();
        for (Command command : commands) stderr.append(run(host, command, args).stderr());
        if (args.state().equals("present") && (args.password_expire_min() != null || args.password_expire_max() != null)) {
            Command chage = chage(args, shadow(host, args.name()));
            if (chage != null) stderr.append(run(host, chage, args).stderr());
        }
        Accounts.User after = args.state().equals("present") ? Accounts.user(host, args.name()).orElse(null) : null;
        Map<String, Object> data = data(args, after, change.action() == io.swarmplay.module.Action.CREATE);
        if (args.state().equals("absent")) {
            data.put("force", args.force());
            data.put("remove", args.remove());
        }
        if (!stderr.isEmpty()) data.put("stderr", stderr.toString());
        return Outcome.changed(change).withData(data);
    }

    private static io.swarmplay.connection.ExecResult run(HostSession host, Command command, Args args) {
        io.swarmplay.connection.ExecResult result = host.run(command);
        if (!result.succeeded()) {
            throw new ModuleException(result.stderr().strip().isEmpty() ? "'" + command + "' failed (rc " + result.rc() + ")"
                    : result.stderr().strip(), Map.of("rc", result.rc(), "name", args.name()));
        }
        return result;
    }

    /** What Ansible's user module returns: a created user's {@code system} and {@code create_home}, an existing one's {@code append} and {@code move_home}. */
    private static Map<String, Object> data(Args args, Accounts.User user, boolean created) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", args.name());
        data.put("state", args.state());
        if (args.password() != null && !args.password().isEmpty() && !looksHashed(args.password())) {
            data.put("warnings", List.of("The input password appears not to have been hashed. "
                    + "The 'password' argument must be encrypted for this module to work properly."));
        }
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
