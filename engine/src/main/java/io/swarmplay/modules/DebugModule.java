package io.swarmplay.modules;

import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a message or a variable's value; never changes anything.
 * <pre>{@code
 * - debug: {msg: "deploying {{ version }} to {{ inventory_hostname }}"}
 * - debug: {var: result.stdout_lines}
 * }</pre>
 * {@code verbosity} is accepted; the reporter decides whether to show the output at that level.
 */
@ModuleInfo(name = "debug", readOnly = true, checkMode = CheckSupport.FULL)
public final class DebugModule implements Module<DebugModule.Args> {

    static final String DEFAULT_MSG = "Hello world!";
    static final String NOT_DEFINED = "VARIABLE IS NOT DEFINED!";

    public record Args(Object msg, String var, int verbosity) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        if (args.msg() != null && args.var() != null) {
            throw new ModuleException("debug takes 'msg' or 'var', not both");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (args.var() != null) {
            // Ansible shows an undefined variable (or attribute) as this text, and succeeds; an
            // unsafe name is never evaluated: Ansible shows it wrapped in braces, as text
            Object value = host.isData("var") ? "{{" + args.var() + "}}"
                    : defined(args.var(), host) ? host.evaluate(args.var()) : notDefined(args.var(), host);
            data.put(args.var(), value);
            return Results.none(args.var() + ": " + value, data);
        }
        Object msg = args.msg() == null ? DEFAULT_MSG : args.msg();
        data.put("msg", msg);
        return Results.none(String.valueOf(msg), data);
    }

    // Ansible adds the cause from -v on
    private static String notDefined(String var, HostView host) {
        String reason = host.verbosity() > 0 ? host.undefinedReason(var) : null;
        return reason == null ? NOT_DEFINED : NOT_DEFINED + ": " + reason;
    }

    // a value known only after apply is defined: evaluating it says so
    private static boolean defined(String var, HostView host) {
        try {
            return host.test("(" + var + ") is defined");
        } catch (io.swarmplay.module.ValueUnknownException e) {
            return true;
        }
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }
}
