package io.swarmplay.modules;

import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.VarsLayer;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets host variables for the rest of the run; every key is a variable.
 * <pre>{@code
 * - set_fact:
 *     app_dir: /srv/app
 *     release: "{{ lookup_result.stdout }}"
 * }</pre>
 * With {@code cacheable: true} the variables are also the host's facts, kept in the fact cache
 * ({@code fact_caching}) for later runs. A value that is the text
 * {@code true}, {@code false}, {@code yes} or {@code no} (any case) becomes a boolean, as Ansible's
 * set_fact makes it without native Jinja types (with {@code jinja2_native} on it stays text).
 */
@ModuleInfo(name = "set_fact", readOnly = true, checkMode = CheckSupport.FULL, setsVars = VarsLayer.SET_FACTS)
public final class SetFactModule implements Module<SetFactModule.Args> {

    /** Every key given to the task. */
    public record Args(Map<String, Object> vars) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        Map<String, Object> facts = new LinkedHashMap<>(args.vars());
        boolean cacheable = ansibleBoolean(facts.remove("cacheable"));
        if (!host.nativeTypes()) facts.replaceAll((k, v) -> booleanText(v));
        if (facts.isEmpty()) throw new ModuleException("set_fact needs at least one variable, e.g. set_fact: {name: value}");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ansible_facts", facts);
        if (cacheable) data.put(Outcome.FACTS_CACHEABLE, true);
        return Results.none("set " + String.join(", ", facts.keySet()), data, facts);
    }

    // Ansible's boolean() (not strict): true, yes, on, y, t, 1 in any case, the number 1 and true
    private static boolean ansibleBoolean(Object value) {
        if (value instanceof Boolean b) return b;
        if (value instanceof Number n) return n.doubleValue() == 1;
        return value != null && java.util.Set.of("y", "yes", "on", "1", "true", "t")
                .contains(String.valueOf(value).strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static Object booleanText(Object value) {
        if (!(value instanceof String s)) return value;
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> value;
        };
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }
}
