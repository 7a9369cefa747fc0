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
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fails the task unless every expression is true (Jinja truthiness, as in {@code when:}).
 * <pre>{@code
 * - assert:
 *     that:
 *       - result.rc == 0
 *       - "'ready' in result.stdout"
 *     fail_msg: "the service did not start"
 * }</pre>
 */
@ModuleInfo(name = "assert", readOnly = true, conditions = "that", checkMode = CheckSupport.FULL)
public final class AssertModule implements Module<AssertModule.Args> {

    /** {@code that} is a list of objects, not strings, so an expression with commas stays whole. */
    public record Args(@Required List<Object> that, @Alias("msg") String fail_msg, String success_msg, boolean quiet) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        for (Object assertion : args.that()) {
            // an expression rendered from "{{ x }}" may already be a boolean
            boolean holds = holds(assertion, host);
            if (!holds) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("assertion", assertion);
                data.put("evaluated_to", false);
                throw new ModuleException(args.fail_msg() != null ? args.fail_msg() : "Assertion failed", data);
            }
        }
        String msg = args.success_msg() != null ? args.success_msg() : "All assertions passed";
        return Results.none(msg, Map.of("msg", msg));
    }

    /**
     * A boolean rendered from {@code "{{ x }}"} is itself; a mapping (a YAML item with an unquoted
     * {@code ": "} inside, {@code - a or 'b: c' in d}) is true when not empty, as Ansible puts its
     * Python form into {@code {% if %}}; anything else is an expression.
     */
    private static boolean holds(Object assertion, HostView host) {
        if (assertion instanceof Boolean b) return b;
        if (assertion instanceof Map<?, ?> m) return !m.isEmpty();
        return host.test(assertion.toString());
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }
}
