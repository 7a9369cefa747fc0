package io.swarmplay.modules;

import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Results;

import java.util.List;
import java.util.Map;

/**
 * Puts the host into a group named from its variables, in the run's in-memory inventory (spaces in
 * names become dashes). Registers {@code add_group} and {@code parent_groups}; the runner makes the
 * change and reports {@code changed} when the inventory changed, as Ansible does.
 * <pre>{@code
 * - group_by:
 *     key: os_{{ ansible_facts.distribution }}
 *     parents: [linux]
 * }</pre>
 */
@ModuleInfo(name = "group_by", checkMode = CheckSupport.FULL)
public final class GroupByModule implements Module<GroupByModule.Args> {

    public record Args(@Required @Doc("the name of the group to put the host in") String key,
                       @Default("all") @Doc("the groups the group becomes a child of") List<String> parents) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        String group = args.key().replace(' ', '-');
        List<String> parents = args.parents().stream().map(p -> p.replace(' ', '-')).toList();
        return Results.none("put " + host.name() + " in group " + group,
                Map.of("add_group", group, "parent_groups", parents));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }
}
