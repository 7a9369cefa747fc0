package io.swarmplay.modules;

import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a host (and groups) to the run's in-memory inventory, for later plays of the same run;
 * every other key is a variable of the host. Runs once per task, not once per host: loop over
 * items to add several. Registers {@code add_host: {host_name, groups, host_vars}}; the runner
 * makes the change and reports {@code changed} when the inventory changed, as Ansible does.
 * <pre>{@code
 * - add_host:
 *     name: "{{ new_ip }}:2222"
 *     groups: [just_created, web]
 *     app_port: 8080
 * }</pre>
 */
@ModuleInfo(name = "add_host", checkMode = CheckSupport.FULL, bypassHostLoop = true)
public final class AddHostModule implements Module<AddHostModule.Args> {

    /** Ansible's {@code parse_address}: {@code host:port} or {@code [v6]:port}; a bare IPv6 address has no port. */
    private static final Pattern WITH_PORT = Pattern.compile("^(?:\\[([^\\]]+)]|([^:\\[\\]]+)):(\\d+)$");

    public record Args(@Required @Alias({"host", "hostname"}) @Doc("the host's name (or address), may end in :port") String name,
                       @Alias({"group", "groupname"}) @Doc("groups to add the host to (a list or a comma-separated string)")
                       List<String> groups,
                       @Doc("every other key: a variable of the host") Map<String, Object> vars) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        String name = args.name();
        Map<String, Object> vars = new LinkedHashMap<>(args.vars() == null ? Map.of() : args.vars());
        Matcher m = WITH_PORT.matcher(name);
        if (m.matches()) {
            name = m.group(1) != null ? m.group(1) : m.group(2);
            vars.put("ansible_ssh_port", Integer.parseInt(m.group(3)));
        }
        List<String> groups = new ArrayList<>();
        for (String g : args.groups() == null ? List.<String>of() : args.groups()) {
            if (!groups.contains(g.strip())) groups.add(g.strip());
        }
        Map<String, Object> added = new LinkedHashMap<>();
        added.put("host_name", name);
        added.put("groups", groups);
        added.put("host_vars", vars);
        return Results.none("add host " + name + " to the inventory", Map.of("add_host", added));
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }
}
