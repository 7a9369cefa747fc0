package io.swarmplay.modules;

import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;

/**
 * Fails the task with a message, usually under a {@code when:}.
 * <pre>{@code
 * - fail: {msg: "swarm_token is required"}
 *   when: swarm_token is not defined
 * }</pre>
 */
@ModuleInfo(name = "fail", readOnly = true, checkMode = CheckSupport.FULL)
public final class FailModule implements Module<FailModule.Args> {

    public record Args(@Default("Failed as requested from task") String msg) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    /** Always throws: failing is the module's whole job, in every mode. */
    @Override
    public Change plan(Args args, HostView host) {
        throw new ModuleException(args.msg());
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        throw new ModuleException(args.msg());
    }
}
