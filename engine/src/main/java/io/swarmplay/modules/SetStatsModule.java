package io.swarmplay.modules;

import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets custom statistics; registers them as {@code ansible_stats} ({@code data}, {@code per_host},
 * {@code aggregate}), as Ansible's {@code set_stats} does. They are printed after the recap with ansible.cfg's {@code show_custom_stats} ({@code ANSIBLE_SHOW_CUSTOM_STATS}).
 * <pre>{@code
 * - set_stats:
 *     data: {deployed: 1}
 * }</pre>
 */
@ModuleInfo(name = "set_stats", readOnly = true, checkMode = CheckSupport.FULL)
public final class SetStatsModule implements Module<SetStatsModule.Args> {

    public record Args(@Required Map<String, Object> data, boolean per_host, @Default("true") boolean aggregate) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("data", args.data());
        stats.put("per_host", args.per_host());
        stats.put("aggregate", args.aggregate());
        return Results.none("set stats " + String.join(", ", args.data().keySet()), Map.of("ansible_stats", stats));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }
}
