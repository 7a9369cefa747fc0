package io.swarmplay.modules;

import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.source.Suggest;

import java.util.List;

/**
 * Controls the run itself; the runner carries out the action, this module only checks its name.
 * <pre>{@code
 * - meta: flush_handlers
 * - meta: end_host
 *   when: skip_rest
 * }</pre>
 */
@ModuleInfo(name = "meta", checkMode = CheckSupport.FULL, freeForm = "_raw")
public final class MetaModule implements Module<MetaModule.Args> {

    /** The actions Ansible knows. */
    public static final List<String> ACTIONS = List.of("flush_handlers", "refresh_inventory", "noop", "clear_facts",
            "clear_host_errors", "end_play", "end_host", "end_batch", "end_role", "reset_connection", "role_complete");

    public record Args(@Required @Alias("_raw") String action) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        String action = args.action().strip();
        if (!ACTIONS.contains(action)) {
            String hint = Suggest.hint(action, ACTIONS);
            throw new ModuleException("unknown meta action '" + action + "'" + (hint == null ? "" : " (" + hint + ")")
                    + "; known: " + String.join(", ", ACTIONS));
        }
        return Change.none("meta " + action);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Outcome.ok(change);
    }
}
