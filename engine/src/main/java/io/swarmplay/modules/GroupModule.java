package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Accounts;
import io.swarmplay.modules.support.CommandSupport;
import io.swarmplay.modules.support.Results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes sure a local group exists (with a given {@code gid}) or is absent, with
 * {@code groupadd}/{@code groupmod}/{@code groupdel}.
 * <pre>{@code
 * - group: {name: app, gid: 1500}
 * - group: {name: old, state: absent}
 * }</pre>
 * Registers {@code name, state, gid, system} as Ansible does.
 */
@ModuleInfo(name = "group", checkMode = CheckSupport.FULL)
public final class GroupModule implements Module<GroupModule.Args> {

    public record Args(@Required String name, @Choices({"present", "absent"}) String state, Long gid, boolean system,
                       boolean local, boolean non_unique) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        // Ansible's required_if: [non_unique, true, [gid]]
        if (args.non_unique() && args.gid() == null) {
            throw new ModuleException("non_unique is True but all of the following are missing: gid");
        }
        Optional<Accounts.Group> now = Accounts.group(host, args.name());
        if (args.state().equals("absent")) {
            if (now.isEmpty()) return Change.none("group " + args.name() + " does not exist");
            return Change.delete("remove group " + args.name()).withPayload(Command.of("groupdel", args.name()));
        }
        if (now.isEmpty()) return Change.create("create group " + args.name()).withPayload(groupadd(args));
        if (args.gid() == null || args.gid() == now.get().gid()) {
            return Results.none("group " + args.name() + " exists", data(args, now.get().gid()));
        }
        List<String> argv = new ArrayList<>(List.of("groupmod", "-g", String.valueOf(args.gid())));
        if (args.non_unique()) argv.add("-o");
        argv.add(args.name());
        return Change.update("group " + args.name() + ": gid " + now.get().gid() + " → " + args.gid())
                .withPayload(Command.of(argv));
    }

    private static Command groupadd(Args args) {
        List<String> argv = new ArrayList<>(List.of("groupadd"));
        if (args.gid() != null) argv.addAll(List.of("-g", String.valueOf(args.gid())));
        if (args.non_unique()) argv.add("-o");
        if (args.system()) argv.add("-r");
        argv.add(args.name());
        return Command.of(argv);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        CommandSupport.require(host, (Command) change.payload());
        Long gid = args.state().equals("present")
                ? Accounts.group(host, args.name()).map(Accounts.Group::gid).orElse(null) : null;
        return Outcome.changed(change).withData(data(args, gid));
    }

    private static Map<String, Object> data(Args args, Long gid) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", args.name());
        data.put("state", args.state());
        if (gid != null) {
            data.put("gid", gid);
            data.put("system", args.system());
        }
        return data;
    }
}
